import Foundation

/// Hands bytes from the thread that writes a file to a thread that reads them as they come (the
/// schema validation of `report.xml`, which then runs beside its rendering instead of after it).
///
/// At most `capacity` pieces wait at a time, and as many read ones are kept for the writer to fill
/// again (`send(taking:)`): a writer that gets ahead blocks, so memory stays at a few pieces however
/// large the file. A reader that stops early (`abandon`, a document found not
/// well-formed) never blocks the writer: what it sends after that is dropped.
final class BytePipe: @unchecked Sendable {
    // Every stored property below is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var pieces: [[UInt8]] = []
    /// How far the reader has got into `pieces.first`.
    private var offset = 0
    private var closed = false
    private var abandoned = false
    /// Pieces the reader has read, emptied with their room kept, for `send(taking:)` to hand back.
    private var spare: [[UInt8]] = []
    let capacity: Int

    init(capacity: Int = 16) {
        precondition(capacity > 0, "a pipe holds at least one piece")
        self.capacity = capacity
    }

    /// Queues a copy of `bytes` for the reader, waiting while `capacity` pieces already wait.
    func send(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        var piece = Array(bytes)
        send(taking: &piece)
    }

    /// Queues `piece` itself for the reader, waiting while `capacity` pieces already wait, and hands
    /// back in its place an empty array, with the room of a piece the reader has finished when there
    /// is one. A writer that sends its buffer this way neither copies it nor allocates another: 600 MB
    /// of report.xml were copied into the pipe a piece at a time.
    func send(taking piece: inout [UInt8]) {
        guard !piece.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        precondition(!closed, "bytes sent after the pipe was closed")
        while pieces.count >= capacity && !abandoned { condition.wait() }
        if abandoned {
            piece.removeAll(keepingCapacity: true)
            return
        }
        pieces.append(piece)
        piece = spare.popLast() ?? []
        condition.broadcast()
    }

    /// No more bytes: the reader gets the end once it has read what waits.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
    }

    /// The reader stops reading: waiting pieces are dropped, and so is what is sent from now on.
    func abandon() {
        condition.lock()
        defer { condition.unlock() }
        abandoned = true
        pieces.removeAll()
        offset = 0
        condition.broadcast()
    }

    /// Copies up to `count` waiting bytes into `buffer`, waiting until there are some; 0 once the
    /// pipe is closed and everything sent has been read.
    func receive(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        while pieces.isEmpty && !closed && !abandoned { condition.wait() }
        guard let first = pieces.first, count > 0 else { return 0 }
        let taken = min(count, first.count - offset)
        first.withUnsafeBytes { bytes in
            buffer.copyMemory(from: bytes.baseAddress! + offset, byteCount: taken)
        }
        offset += taken
        if offset == first.count {
            var finished = pieces.removeFirst()
            offset = 0
            if spare.count < capacity {
                finished.removeAll(keepingCapacity: true)
                spare.append(finished)
            }
            condition.broadcast()
        }
        return taken
    }
}
