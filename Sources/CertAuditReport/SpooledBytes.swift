import Foundation

/// Bytes a writer needs several times over but never all at once, kept in an unnamed file instead
/// of memory: appended once, then read back in order from the start as often as needed, a buffer at
/// a time. The file is unlinked the moment it is made, so nothing is left behind whatever happens to
/// the run, and the bytes sit in the system's page cache (written to disk under memory pressure), not
/// in the process.
final class SpooledBytes {
    private let descriptor: Int32
    private let directory: String
    private var pending: [UInt8] = []
    static let bufferSize = 1 << 20

    /// Makes the file in `directory`: a report's staging folder, on the output's own disk (a /tmp
    /// kept in memory would hold the bytes in memory after all).
    init(in directory: String) throws(ReportError) {
        self.directory = directory
        var template = Array((directory + "/.spool-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Self.failure("cannot make a temporary file in \(directory)") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        pending.reserveCapacity(Self.bufferSize)
    }

    deinit { close(descriptor) }

    func append(_ bytes: [UInt8]) throws(ReportError) {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.bufferSize { try flush() }
    }

    /// What was appended, from the start.
    func reader() throws(ReportError) -> Reader {
        try flush()
        return Reader(spool: self)
    }

    /// Appends what is pending to the file (readers read it with `pread`, which leaves the file's
    /// offset where the writes put it).
    private func flush() throws(ReportError) {
        guard pending.withUnsafeBytes({ writeWhole(descriptor, $0) }) else {
            throw Self.failure("cannot write a temporary file in \(directory)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    fileprivate static func failure(_ what: String) -> ReportError {
        ReportError(.internal, "\(what): \(String(cString: strerror(errno)))")
    }

    /// Reads a spool's bytes in order, a buffer at a time.
    struct Reader {
        let spool: SpooledBytes
        private var buffer: [UInt8] = []
        private var position = 0
        private var offset = 0

        fileprivate init(spool: SpooledBytes) {
            self.spool = spool
        }

        /// The next `count` bytes, appended to `bytes`.
        mutating func read(_ count: Int, appendingTo bytes: inout [UInt8]) throws(ReportError) {
            try advance(count) { bytes.append(contentsOf: $0) }
        }

        /// Passes over the next `count` bytes.
        mutating func skip(_ count: Int) throws(ReportError) {
            try advance(count) { _ in }
        }

        private mutating func advance(_ count: Int, _ body: (ArraySlice<UInt8>) -> Void) throws(ReportError) {
            var left = count
            while left > 0 {
                if position == buffer.count { try refill() }
                let take = min(left, buffer.count - position)
                body(buffer[position..<position + take])
                position += take
                left -= take
            }
        }

        private mutating func refill() throws(ReportError) {
            let (descriptor, start) = (spool.descriptor, off_t(offset))
            var count = 0
            repeat {
                buffer = [UInt8](unsafeUninitializedCapacity: SpooledBytes.bufferSize) { storage, initialized in
                    count = pread(descriptor, storage.baseAddress!, storage.count, start)
                    initialized = max(count, 0)
                }
            } while count < 0 && errno == EINTR
            guard count > 0 else {
                throw count == 0
                    ? ReportError(.internal, "a temporary file in \(spool.directory) ended early")
                    : SpooledBytes.failure("cannot read a temporary file in \(spool.directory)")
            }
            position = 0
            offset += count
        }
    }
}
