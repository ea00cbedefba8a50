import Dispatch
import Glibc

/// Writes a file's blocks one at a time on a thread of their own (`DirectFileSink`): `write` returns
/// at once, and `finished` waits for the block and says how its write went. A block is written
/// whole, in the order given, from the file's current offset.
final class WriteBehind: @unchecked Sendable {
    /// How a block's write went: `written` of its `count` bytes, and the `errno` that stopped it.
    struct Outcome: Sendable {
        let count: Int
        let written: Int
        let error: Int32?
    }

    let descriptor: Int32
    private let queue = DispatchQueue(label: "certaudit.write-behind")
    /// Taken while a block is being written.
    private let idle = DispatchSemaphore(value: 1)
    /// The last block's outcome: set by its write before it signals `idle`, read by `finished` after
    /// waiting for `idle`, so never by two threads at once.
    private var outcome: Outcome?

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Starts writing `count` bytes at `block`, which must stay untouched until `finished` returns.
    /// The block before must be finished (`finished` called since).
    func write(_ block: UnsafeMutableRawPointer, count: Int) {
        idle.wait()
        let address = UInt(bitPattern: block)
        queue.async { [self] in
            outcome = Self.write(descriptor, UnsafeRawPointer(bitPattern: address), count: count)
            idle.signal()
        }
    }

    /// Waits for the block being written, if any, and says how it went; nil when none was started
    /// since the last call.
    func finished() -> Outcome? {
        idle.wait()
        defer { idle.signal() }
        let last = outcome
        outcome = nil
        return last
    }

    private static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, count: Int) -> Outcome {
        guard let bytes else { return Outcome(count: count, written: 0, error: EFAULT) }
        let written = writeAsMuch(descriptor, UnsafeRawBufferPointer(start: bytes, count: count))
        return Outcome(count: count, written: written, error: written == count ? nil : errno)
    }
}
