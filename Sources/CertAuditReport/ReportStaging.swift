import CertAuditCore
import Foundation

/// The temporary folder a report's files are written into before `ReportPublisher` moves them into
/// place together. Small files are handed over whole; large ones are streamed straight into their
/// file, so no report file is ever held whole in memory. Files are written past the page cache where
/// the file system allows it (`DirectFileSink`), and hashed as they are written when the staging has
/// a digest, so that the publisher never reads them back.
public struct ReportStaging: Sendable {
    public let directory: String
    /// Makes the digest each staged file is hashed with as it is written; none, and the publisher
    /// reads the files back to checksum them.
    let digest: (@Sendable () -> any DigestStream)?
    /// The digests of the files hashed as they were written.
    let digests = StagedDigests()

    public init(directory: String, digest: (@Sendable () -> any DigestStream)? = nil) {
        self.directory = directory
        self.digest = digest
    }

    /// Where a file of the report is staged.
    public func path(of name: String) -> String { directory + "/" + name }

    /// Creates a folder inside the staging folder (`pages`).
    public func makeFolder(_ name: String) throws(ReportError) {
        guard mkdir(path(of: name), 0o755) == 0 || errno == EEXIST else {
            throw ReportError(.internal, "cannot create \(path(of: name)): \(String(cString: strerror(errno)))")
        }
    }

    /// Stages a file whose bytes are already in memory.
    public func write(_ name: String, _ bytes: [UInt8]) throws(ReportError) {
        try stream(name) { (output: BufferedFileOutput) throws(ReportError) in try output.write(bytes) }
    }

    /// Adds `bytes` at the end of a staged file (whose digest, if it had one, is forgotten: the
    /// publisher reads the file back).
    public func append(_ name: String, _ bytes: [UInt8]) throws(ReportError) {
        digests.forget(name)
        let output = try BufferedFileOutput(path: path(of: name), mirror: nil, appending: true)
        try output.write(bytes)
        try output.flush()
    }

    /// Stages a file written a piece at a time by `body`.
    public func stream(_ name: String, _ body: (BufferedFileOutput) throws(ReportError) -> Void) throws(ReportError) {
        try stream(name, mirroringTo: nil, body)
    }

    /// Stages a file written a piece at a time by `body`, every byte also sent to `mirror` when there
    /// is one (a validation reading the file as it is written).
    func stream(
        _ name: String, mirroringTo mirror: BytePipe?, _ body: (BufferedFileOutput) throws(ReportError) -> Void
    ) throws(ReportError) {
        let output = try BufferedFileOutput(path: path(of: name), mirror: mirror, direct: true, digest: digest?())
        try body(output)
        try output.flush()
        if let hex = output.finishDigest() { digests.record(hex, for: name) }
    }
}
