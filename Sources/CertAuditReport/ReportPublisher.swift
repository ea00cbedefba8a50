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
/// line per file, `pages/…` included, sorted by path): it covers whatever was staged but the files
/// named `unsummed`, so an auditor can show later that no report file was altered. (A run leaves out
/// `metrics.prom`, the monitoring feed: it carries the run's duration, and a checksum of it would
/// make `SHA256SUMS` differ between two runs of the same inputs.)
public struct ReportPublisher: Sendable {
    /// The checksum file published with every report.
    public static let checksumsFile = "SHA256SUMS"

    public let outputDirectory: String
    /// SHA-256 of a staged file as lower-case hex: this module's own by default; a run hands in
    /// OpenSSL's (`CertAuditX509.SHA256Digest`), many times faster on the hundreds of megabytes a
    /// large estate's reports take.
    public let fileDigest: @Sendable (String) throws(ReportError) -> String

    /// Staged files `SHA256SUMS` does not list.
    public let unsummed: Set<String>

    public init(
        outputDirectory: String,
        fileDigest: @escaping @Sendable (String) throws(ReportError) -> String = SwiftSHA256.hex(fileAt:),
        unsummed: Set<String> = []
    ) {
        self.outputDirectory = outputDirectory
        self.fileDigest = fileDigest
        self.unsummed = unsummed
    }

    /// `files` maps a file name inside the output folder to its bytes.
    public func publish(_ files: [(name: String, bytes: [UInt8])]) throws(ReportError) {
        try publish { (staging: ReportStaging) throws(ReportError) in
            for file in files { try staging.write(file.name, file.bytes) }
        }
    }

    /// Publishes the files `produce` writes into the staging folder (each streamed or handed over as
    /// soon as it is rendered). If `produce` throws (a report that does not validate), nothing is
    /// published.
    public func publish(_ produce: (ReportStaging) throws(ReportError) -> Void) throws(ReportError) {
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
            let staging = ReportStaging(directory: temporary.path)
            try produce(staging)
            try writeChecksums(into: staging)
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

    /// `SHA256SUMS` over every file staged, in `sha256sum`'s format (`<hex>  <path>`), sorted by path
    /// (byte order) so the file is the same whatever order the files were written in.
    func writeChecksums(into staging: ReportStaging) throws(ReportError) {
        var lines: [String] = []
        for path in Self.files(under: staging.directory) where !unsummed.contains(path) {
            guard path != Self.checksumsFile else {
                throw ReportError(.internal, "\(Self.checksumsFile) is the publisher's own file")
            }
            lines.append("\(try fileDigest(staging.path(of: path)))  \(path)\n")
        }
        try staging.write(Self.checksumsFile, Array(lines.joined().utf8))
    }

    /// Every regular file under `directory`, relative to it, sorted by path (byte order).
    static func files(under directory: String) -> [String] {
        let fileManager = FileManager()
        let paths = (fileManager.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: directory + "/" + $0, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
