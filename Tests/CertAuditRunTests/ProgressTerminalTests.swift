import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The run's progress: one line per stage, redrawn in place, on a terminal; on a pipe or a file,
/// nothing but the summary line (`CommandLineTests.aCleanRunExitsZeroWithOneSummaryLine` runs with
/// stderr in a file and expects exactly one line).
struct ProgressTerminalTests {
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func onATerminalEachStageHasOneLineRedrawnInPlace() throws {
        var primary: Int32 = -1
        var secondary: Int32 = -1
        try #require(openpty(&primary, &secondary, nil, nil, nil) == 0)
        let output = try TestPaths.scratch().appendingPathComponent("out").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.binary))
        process.arguments = ["run", "--output", output] + CommandLineTests.asOf
        process.currentDirectoryURL = TestPaths.repository
        process.standardError = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        close(secondary)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }  // EIO once the child has closed its end
            bytes += buffer[..<count]
        }
        process.waitUntilExit()
        close(primary)
        #expect(process.terminationStatus == 0)
        // The terminal turns each line feed into CR LF.
        let lines = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(lines)")
        for (line, stage) in zip(lines, ["ingest", "forecast", "simulation", "checks", "writing"]) {
            // Every redraw starts at the line's beginning and erases it; the last one says it is done.
            let draws = line.components(separatedBy: "\r\u{1B}[2K").dropFirst()
            #expect(line.hasPrefix("\r\u{1B}[2K… \(stage): "), "\(line)")
            #expect(draws.last?.contains("(100%), done in ") == true, "\(line)")
        }
        #expect(lines.last?.hasPrefix("certaudit: 51 certificates") == true)
    }
}
