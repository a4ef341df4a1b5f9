import Foundation

/// Runs an independent tool (psql, python3) on the files a report wrote, so outputs are checked by
/// a reader that shares no code with the writer.
enum ToolRunner {
    /// Runs `executable` (looked up on PATH) with `arguments`; stdin is empty. stderr goes to a
    /// file, so a chatty tool cannot block on a full pipe while stdout is read.
    static func run(_ executable: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        let folder = try TemporaryFolder()
        let errorPath = folder.path + "/stderr"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let errorFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorFile
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorFile.close()
        return CommandRunner.Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: try folder.read("stderr"))
    }
}
