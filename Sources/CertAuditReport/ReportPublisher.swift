import Foundation

/// Moves a finished report into place atomically.
///
/// The files are written into a temporary folder beside the output folder (same parent, so the
/// renames stay on one file system): `.<name>.tmp-<pid>`. Then the old output is renamed aside to
/// `.<name>.old-<pid>`, the new one renamed in, and the old one removed. A reader sees the old
/// report or the new one, never half of one; if anything fails before the swap, the temporary
/// folder is removed and the previous report is left as it was.
///
/// Beside the files it is given, the publisher writes `SHA256SUMS` (the `sha256sum -c` format, one
/// line per file sorted by name): it covers whatever was published, so an auditor can show later
/// that no report file was altered.
public struct ReportPublisher: Sendable {
    /// The checksum file published with every report.
    public static let checksumsFile = "SHA256SUMS"

    public let outputDirectory: String
    /// SHA-256 of a file's bytes as lower-case hex, for `SHA256SUMS`: this module's own by default;
    /// a run hands in OpenSSL's (`CertAuditX509.SHA256Digest`), which is many times faster on the
    /// hundreds of megabytes a large estate's reports take.
    public let digest: @Sendable ([UInt8]) -> String

    public init(outputDirectory: String, digest: @escaping @Sendable ([UInt8]) -> String = SwiftSHA256.hex) {
        self.outputDirectory = outputDirectory
        self.digest = digest
    }

    /// `files` maps a file name inside the output folder to its bytes.
    public func publish(_ files: [(name: String, bytes: [UInt8])]) throws(ReportError) {
        try publish { (write: (String, [UInt8]) throws(ReportError) -> Void) throws(ReportError) in
            for file in files { try write(file.name, file.bytes) }
        }
    }

    /// Publishes the files `produce` hands to `write`, one at a time: each is written into the
    /// temporary folder as soon as it is rendered, so that only one rendered file is in memory at a
    /// time. If `produce` throws (a report that does not validate), nothing is published.
    public func publish(
        _ produce: ((String, [UInt8]) throws(ReportError) -> Void) throws(ReportError) -> Void
    ) throws(ReportError) {
        let fileManager = FileManager()
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")

        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: temporary.path) { try fileManager.removeItem(at: temporary) }
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ReportError(.internal, "cannot create \(temporary.path): \(error.localizedDescription)")
        }
        do {
            var checksums: [(name: String, digest: String)] = []
            try produce { (fileName: String, bytes: [UInt8]) throws(ReportError) in
                guard fileName != Self.checksumsFile else {
                    throw ReportError(.internal, "\(Self.checksumsFile) is the publisher's own file")
                }
                try Self.write(bytes, to: temporary.appendingPathComponent(fileName).path)
                checksums.append((fileName, digest(bytes)))
            }
            try Self.write(
                Self.checksumLines(checksums), to: temporary.appendingPathComponent(Self.checksumsFile).path)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw error
        }

        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.removeItem(at: old) }
            guard rename(output.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: temporary)
                throw ReportError(.internal, "cannot move \(output.path) aside: \(reason)")
            }
        }
        guard rename(temporary.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(old.path, output.path) }
            try? fileManager.removeItem(at: temporary)
            throw ReportError(.internal, "cannot move the new report into \(output.path): \(reason)")
        }
        if hadOutput { try? fileManager.removeItem(at: old) }
    }

    /// `sha256sum`'s lines (`<hex>  <name>`), sorted by name (byte order) so the file is the same
    /// whatever order the files were rendered in.
    static func checksumLines(_ checksums: [(name: String, digest: String)]) -> [UInt8] {
        let sorted = checksums.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        return Array(sorted.map { "\($0.digest)  \($0.name)\n" }.joined().utf8)
    }

    /// Writes the bytes to a new file with POSIX calls: no copy of them is made on the way.
    static func write(_ bytes: [UInt8], to path: String) throws(ReportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ReportError(.internal, "cannot write the report into \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportError(
                    .internal, "cannot write the report into \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }
}
