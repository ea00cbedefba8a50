import CertAuditReport
import Foundation

/// Paths of the repository the tests run in, and scratch folders they may write.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleInputs = repository.appendingPathComponent("inputs").path
    static let templates = repository.appendingPathComponent("templates").path

    /// A new empty folder in this test process's scratch folder. Most tests keep what they wrote
    /// to read it back and none needs it afterwards: each `make test` left some 250 folders (runs,
    /// estates, reports) in the system's temporary folder until they went in one removed at exit.
    static func scratch(_ name: String = #function) throws -> URL {
        let folder = processScratch.appendingPathComponent("\(name.filter(\.isLetter))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `certaudit-tests-<pid>` in the system's temporary folder, removed when the process exits.
    private static let processScratch: URL = {
        atexit { try? FileManager.default.removeItem(at: TestPaths.processScratch) }
        return FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-tests-\(ProcessInfo.processInfo.processIdentifier)")
    }()

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
