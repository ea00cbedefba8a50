import Foundation
import Testing

/// Runs a program to completion in the repository folder and hands back its exit status and output:
/// the built `certaudit` binary, or a generator script.
enum ChildProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Output goes to files, not pipes: a child that filled one pipe while the other was being
    /// drained would never finish. The child runs in `folder` (the repository unless told).
    /// `environment`: variables set for the child on top of the tests' own.
    static func run(
        _ executable: String, _ arguments: [String], in folder: URL = TestPaths.repository,
        environment: [String: String] = [:]
    ) throws -> Outcome {
        let capture = try TestPaths.scratch("process")
        defer { try? FileManager.default.removeItem(at: capture) }
        let stdout = capture.appendingPathComponent("stdout")
        let stderr = capture.appendingPathComponent("stderr")
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderr), as: UTF8.self))
    }

    /// `python3 scripts/<script> arguments…`, which must exit 0.
    static func python(_ script: String, _ arguments: [String]) throws {
        let outcome = try run("/usr/bin/env", ["python3", "scripts/" + script] + arguments)
        try #require(outcome.status == 0, "scripts/\(script) failed: \(outcome.stderr)")
    }
}
