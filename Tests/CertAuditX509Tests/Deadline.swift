import Dispatch
import Foundation

/// Runs work on a thread of its own and waits for it at most a given time, so that an input that
/// hangs becomes a failed test instead of a suite that never ends. A late thread is left to finish
/// on its own: the test process ends soon after.
enum Deadline {
    /// The work's result, or nil when it did not finish within `seconds`.
    static func run<Value: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> Value) -> Value? {
        let slot = Slot<Value>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            slot.store(work())
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return slot.value
    }

    /// One value handed from the worker thread to the waiting one.
    private final class Slot<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value?

        func store(_ value: Value) { lock.withLock { stored = value } }

        var value: Value? { lock.withLock { stored } }
    }
}
