import Foundation
import Testing

@testable import AQBReport

/// LibreOffice Calc, headless: the spreadsheet an analyst opens the report's files in, used as
/// an independent reader.
///
/// `soffice --convert-to fods` opens a file the way Calc does and saves what it made of it as
/// flat OpenDocument XML, which `Fixtures/tools/fods_cells.py` reads back: each cell's type,
/// value, formula and shown text. Each conversion gets a profile and a HOME of its own (so
/// parallel tests and a root user work, and no running office takes the job over), and runs under
/// `timeout`, which kills the whole process group: a hung soffice fails the test instead of
/// hanging CI.
enum LibreOffice {
    /// Seconds one conversion may take; a cold start takes about 3 s.
    static let timeoutSeconds = 120

    /// Calc's CSV import filter, set as an analyst who opens `format`'s files would set it, and
    /// with formula evaluation on (the worst case).
    ///
    /// Tokens (LibreOffice help, "CSV Filter Options"): 1 field separator (59 `;`, 44 `,`),
    /// 2 text delimiter (34 `"`), 3 character set (76 UTF-8), 4 first line read (1), 5 column
    /// formats (empty: Standard, so numbers become numbers), 6 language (1031 de-DE, whose
    /// decimal comma the `de` dialect uses; 1033 en-US for the decimal point), 7 quoted field as
    /// text (false: a quoted number still becomes a number), 8 detect special numbers (false),
    /// 9 to 12 export only, 13 evaluate formulas (true: a field beginning with `=` becomes a
    /// formula unless something stops it; the default is false, which would prove nothing).
    static func csvFilter(_ format: CSVFormat) -> String {
        let separator = format == .de ? 59 : 44
        let language = format == .de ? 1031 : 1033
        return "Text - txt - csv (StarCalc):\(separator),34,76,1,,\(language),false,false,false,false,false,0,true"
    }

    /// Opens `files` in Calc (with `filter` as the import filter, or Calc's choice by type) and
    /// returns what it made of each, keyed by file name.
    static func open(_ files: [String], filter: String? = nil) throws -> [String: Spreadsheet] {
        let scratch = try TemporaryFolder()
        let home = scratch.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        var arguments = [
            "--kill-after=10", String(timeoutSeconds), "soffice", "-env:UserInstallation=file://\(scratch.path)/profile",
            "--headless", "--norestore", "--nolockcheck",
        ]
        if let filter { arguments.append("--infilter=\(filter)") }
        arguments += ["--convert-to", "fods", "--outdir", scratch.path + "/out"] + files
        let outcome = try CommandRunner.run(arguments, environment: environment, executable: "/usr/bin/timeout")
        #expect(outcome.status == 0, "soffice (124: timed out after \(timeoutSeconds) s): \(outcome.stderr)")
        var result: [String: Spreadsheet] = [:]
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let converted = scratch.path + "/out/" + URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent + ".fods"
            #expect(
                FileManager.default.fileExists(atPath: converted), "soffice did not convert \(name): \(outcome.stdout) \(outcome.stderr)")
            let read = try ToolRunner.run("python3", [Repository.fixtures + "/tools/fods_cells.py", converted])
            #expect(read.status == 0, "fods_cells.py: \(read.stderr)")
            result[name] = try JSONDecoder().decode(Spreadsheet.self, from: Data(read.stdout.utf8))
        }
        return result
    }
}
