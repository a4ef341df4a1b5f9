import Foundation
import Testing

/// Headless Chromium as the printer: it renders an HTML file of a report to an A4 PDF the way an
/// analyst's browser prints it, with the page's own `@page` rules.
///
/// Each run gets a profile of its own (parallel tests, a root user) and runs under `timeout`,
/// which kills the whole process group, so a hung browser fails the test instead of hanging CI.
/// The sandbox is off because the tests may run as root, where Chromium refuses it; the pages
/// are the report's own and load nothing (`HTMLPage`'s Content-Security-Policy).
enum Chromium {
    static let timeoutSeconds = 120

    /// Prints `html` to `pdf` and returns poppler's `pdfinfo` page sizes (points, width × height).
    static func printToPDF(_ html: String, _ pdf: String) throws {
        let scratch = try TemporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = scratch.path
        let arguments = [
            "--kill-after=10", String(timeoutSeconds), "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=\(scratch.path)/profile", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString,
        ]
        let outcome = try CommandRunner.run(arguments, environment: environment, executable: "/usr/bin/timeout")
        #expect(outcome.status == 0, "chromium (124: timed out after \(timeoutSeconds) s): \(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf), "chromium wrote no PDF: \(outcome.stderr)")
    }

    /// Each page's size in points, as `pdfinfo` reports it (width, height).
    static func pageSizes(_ pdf: String) throws -> [(width: Double, height: Double)] {
        let outcome = try ToolRunner.run("pdfinfo", ["-f", "1", "-l", "9999", pdf])
        #expect(outcome.status == 0, "pdfinfo: \(outcome.stderr)")
        return outcome.stdout.split(separator: "\n").compactMap { line in
            // "Page    3 size: 841.92 x 594.96 pts (A4)"
            guard line.hasPrefix("Page"), line.contains(" size: ") else { return nil }
            let words = line.split(separator: " ")
            guard let at = words.firstIndex(of: "size:"), words.count > at + 3, let width = Double(words[at + 1]),
                let height = Double(words[at + 3])
            else { return nil }
            return (width, height)
        }
    }
}
