import CertAuditCore
import Foundation

/// Writes a new file through a fixed buffer with POSIX calls, so that a report of any size is
/// written a piece at a time instead of being built whole in memory first.
public final class BufferedFileOutput {
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16
    /// Where every byte written to the file is also sent, in the same order (a validation reading
    /// the file as it is written).
    private let mirror: BytePipe?

    /// The file end: direct to the disk where the file system allows it (`DirectFileSink`).
    private let sink: DirectFileSink
    /// What hashes the file's bytes as they are written (`ReportStaging`'s `SHA256SUMS` entries).
    private var digest: (any DigestStream)?

    /// Creates the file; it must not exist yet (the staging folder is new). `appending`: the file
    /// must exist, and what is written goes after what it holds. `direct`: written past the page
    /// cache where the file system allows it (a report file, which the run does not read again but to
    /// validate report.xml on one thread, `--jobs 1`).
    /// `digest`: fed every byte written, in order.
    init(
        path: String, mirror: BytePipe?, appending: Bool = false, direct: Bool = false,
        digest: (any DigestStream)? = nil
    ) throws(ReportError) {
        self.path = path
        self.mirror = mirror
        self.digest = digest
        descriptor =
            appending
            ? open(path, O_WRONLY | O_APPEND | O_CLOEXEC) : open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
        sink = DirectFileSink(descriptor: descriptor, direct: direct && !appending)
        buffer.reserveCapacity(Self.capacity)
    }

    /// Creates the file; it must not exist yet (the staging folder is new).
    public convenience init(path: String) throws(ReportError) {
        try self.init(path: path, mirror: nil)
    }

    deinit {
        guard descriptor >= 0 else { return }
        sink.waitForTheBlockBehind()
        close(descriptor)
    }

    public func write(_ text: String) throws(ReportError) {
        var text = text
        if let failure = text.withUTF8({ attempt($0) }) { throw failure }
    }

    public func write(_ bytes: [UInt8]) throws(ReportError) {
        if let failure = bytes.withUnsafeBufferPointer({ attempt($0) }) { throw failure }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReportError) {
        if buffer.count + bytes.count > Self.capacity { try spill() }
        if bytes.count >= Self.capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Lets `body` append a piece (a CSV record, say) straight to the buffer, without building it
    /// anywhere else first; the buffer is written out once it holds a full block.
    public func append(_ body: (inout [UInt8]) -> Void) throws(ReportError) {
        body(&buffer)
        if buffer.count >= Self.capacity { try spill() }
    }

    /// Writes what is buffered; the file is complete once this returns. (A file written direct that
    /// ends in a part-block writes it through the page cache, and whatever is written after it too.)
    public func flush() throws(ReportError) {
        try spill()
        guard sink.drain() else { throw Self.failure(path) }
    }

    /// Hands what is buffered to the sink, which may hold a part-block of it, and the buffer itself
    /// to the mirror, which gives back an empty one.
    private func spill() throws(ReportError) {
        guard !buffer.isEmpty else { return }
        if let failure = buffer.withUnsafeBufferPointer({ attempt($0, whole: true, mirrored: false) }) {
            throw failure
        }
        if let mirror {
            mirror.send(taking: &buffer)
            buffer.reserveCapacity(Self.capacity)
        } else {
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Whether the file is still being written direct (tests).
    var isDirect: Bool { sink.isDirect }

    /// The digest of every byte written, when the output was given a digest that could make it; call
    /// it once, after the last `flush`.
    func finishDigest() -> String? {
        digest?.digestHex()
    }

    /// Writes lent bytes (buffered, or `whole` straight to the file) and hands back the error as a
    /// value: the `withUnsafe…` accessors that lend them rethrow only untyped errors.
    private func attempt(_ bytes: UnsafeBufferPointer<UInt8>, whole: Bool = false, mirrored: Bool = true)
        -> ReportError?
    {
        do throws(ReportError) {
            try whole ? writeAll(bytes, mirrored: mirrored) : write(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// Writes `bytes` to the file and the digest, and a copy to the mirror unless the caller hands
    /// the mirror the bytes itself (`spill`).
    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, mirrored: Bool = true) throws(ReportError) {
        guard sink.write(UnsafeRawBufferPointer(bytes)) else { throw Self.failure(path) }
        if mirrored { mirror?.send(bytes) }
        digest?.update(UnsafeRawBufferPointer(bytes))
    }

    private static func failure(_ path: String) -> ReportError {
        ReportError(.internal, "cannot write the report into \(path): \(String(cString: strerror(errno)))")
    }
}
