import CertAuditCore
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
    /// Makes the SHA-256 the staged files are hashed with as they are written (and, for a file
    /// written otherwise, as it is read back): this module's own by default; a run hands in
    /// OpenSSL's (`CertAuditX509.SHA256Stream`), many times faster on the gigabyte a large estate's
    /// reports take.
    public let digest: @Sendable () -> any DigestStream

    /// Staged files `SHA256SUMS` does not list.
    public let unsummed: Set<String>
    /// How many files are digested at once (`SHA256SUMS` is the same for any number).
    public let jobs: Int

    public init(
        outputDirectory: String,
        digest: @escaping @Sendable () -> any DigestStream = { SwiftSHA256() },
        unsummed: Set<String> = [], jobs: Int = 1
    ) {
        self.outputDirectory = outputDirectory
        self.digest = digest
        self.unsummed = unsummed
        self.jobs = max(1, jobs)
    }

    /// The folder the output folder is in, where its staging folder is made: the run's scratch space,
    /// on the output's own disk.
    public var parent: URL { URL(fileURLWithPath: outputDirectory).standardizedFileURL.deletingLastPathComponent() }

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
        let publication = try stage()
        try publication.publish { () throws(ReportError) in try produce(publication.staging) }
    }

    /// Makes the staging folder, for files written over a while — some of them while the run still
    /// checks the estate (`ReportWriting`) — and published, or discarded, at the end.
    public func stage() throws(ReportError) -> ReportPublication {
        let fileManager = FileManager()
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: temporary.path) { try fileManager.removeItem(at: temporary) }
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ReportError(.internal, "cannot create \(temporary.path): \(error.localizedDescription)")
        }
        return ReportPublication(
            publisher: self, staging: ReportStaging(directory: temporary.path, digest: digest), output: output,
            temporary: temporary, old: parent.appendingPathComponent(".\(name).old-\(pid)"))
    }

    /// `SHA256SUMS` over every file staged, in `sha256sum`'s format (`<hex>  <path>`), sorted by path
    /// (byte order) so the file is the same whatever order the files were written in. The files the
    /// staging hashed as it wrote them are not read again; any other is read back, `jobs` at a time,
    /// largest first, so that the largest is not left for the end. A file that cannot be digested
    /// fails the report: the first in path order.
    func writeChecksums(into staging: ReportStaging) throws(ReportError) {
        let paths = Self.files(under: staging.directory).filter { !unsummed.contains($0) }
        if paths.contains(Self.checksumsFile) {
            throw ReportError(.internal, "\(Self.checksumsFile) is the publisher's own file")
        }
        let recorded = paths.map { staging.digests.digest(of: $0) }
        // The files not hashed as they were written are read back, several at a time, largest first.
        let unread = paths.indices.filter { recorded[$0] == nil }
        let sizes = unread.map { Self.size(of: staging.path(of: paths[$0])) }
        let largestFirst = unread.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }.map { unread[$0] }
        let digest = digest
        let digested = parallelMap(largestFirst, workers: jobs) { index in
            Result { () throws(ReportError) in
                var stream = digest()
                return try stream.hex(ofFileAt: staging.path(of: paths[index]))
            }
        }
        // Where each file read back has its digest in `digested`.
        var position = [Int](repeating: 0, count: paths.count)
        for (order, index) in largestFirst.enumerated() { position[index] = order }
        var lines = ""
        for index in paths.indices {
            let hex = recorded[index].map { Result.success($0) } ?? digested[position[index]]
            lines += "\(try hex.get())  \(paths[index])\n"
        }
        try staging.write(Self.checksumsFile, Array(lines.utf8))
    }

    /// The digest `SHA256SUMS` in a file's folder lists for it, if it lists one: whether the file is
    /// one this program published (`BaselineReader`). A `SHA256SUMS` above 64 MB is not read.
    static func listedDigest(of path: String) -> String? {
        // The file's name and its folder, split at the last `/` byte (`RelativePath`'s reason).
        let nameStart = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.startIndex
        let name = String(path[nameStart...])
        let sums = String(path[..<nameStart]) + checksumsFile
        guard !name.isEmpty else { return nil }
        var status = stat()
        guard stat(sums, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size <= 64 << 20,
            let data = FileManager.default.contents(atPath: sums)
        else { return nil }
        let suffix = Array("  \(name)".utf8)
        for line in data.split(separator: UInt8(ascii: "\n")) where line.count == 64 + suffix.count {
            if line.suffix(suffix.count).elementsEqual(suffix) {
                return String(decoding: line.prefix(64), as: UTF8.self)
            }
        }
        return nil
    }

    /// A staged file's size in bytes (0 when it cannot be read: its digest then says why).
    private static func size(of path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
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
