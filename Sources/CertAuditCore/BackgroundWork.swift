import Foundation

/// Work started on a thread of its own while the caller goes on, and waited for once it is needed:
/// report.xml's validation beside its rendering, inventory.csv beside the simulations.
///
/// A thread rather than a dispatch queue: the work runs for seconds to minutes, and a worker of
/// the shared pool held that long is one less for the stages that use the pool meanwhile.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // `value` is written by the work's thread before `done` is signalled, and read only after
    // `wait` has waited for that signal; `waited` is touched only by the thread that waits. No two
    // threads ever touch one of them at once.
    private var value: Value?
    private var waited = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        Thread { [self] in
            value = work()
            done.signal()
        }
        .start()
    }

    /// What the work gave, once it has ended: waits for it the first time. One thread waits (the
    /// one that started the work).
    public func wait() -> Value {
        if !waited {
            done.wait()
            waited = true
        }
        guard let value else { preconditionFailure("the work signalled its end without a value") }
        return value
    }
}
