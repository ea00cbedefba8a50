import CertAuditReport
import Foundation

/// Paths of the repository the tests run in, and scratch folders they may write.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleInputs = repository.appendingPathComponent("inputs").path
    static let templates = repository.appendingPathComponent("templates").path

    /// A new empty folder in the system's temporary folder, which the calling test removes when it
    /// ends (`defer`): the tests run in parallel in one process, and a folder left for the process's
    /// exit to remove stays behind whenever the process does not exit cleanly.
    static func scratch(_ name: String = #function) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-\(name.filter(\.isLetter))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every regular file under `folder`, by relative path, with its bytes — metrics.prom's run
    /// duration masked: the one value that differs between two runs on the same inputs
    /// (`MetricsRenderer.durationLine`), so every comparison of outputs leaves out exactly that.
    static func contents(of folder: URL) throws -> [String: Data] {
        try rawContents(of: folder).mapValues(maskingRunDuration)
    }

    static func maskingRunDuration(_ data: Data) -> Data {
        let prefix = Array(MetricsRenderer.durationLine.utf8)
        var lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].starts(with: prefix) {
            lines[index] = ArraySlice(prefix + Array("<masked>".utf8))
        }
        return Data(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// Every regular file under `folder`, by relative path, with its bytes as they are.
    static func rawContents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
