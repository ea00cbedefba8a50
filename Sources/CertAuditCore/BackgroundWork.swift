internal import CThreadPriority
import Foundation

/// Work started on a thread of its own while the caller goes on, and waited for once it is needed:
/// report.xml's validation beside its rendering, inventory.csv beside the simulations, the other
/// report files beside report.xml.
///
/// A thread rather than a dispatch queue: the work runs for seconds to minutes, and a worker of
/// the shared pool held that long is one less for the stages that use the pool meanwhile; and a
/// thread of its own can lower its priority (`lowerPriority`) without leaving a pool thread lowered.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // `work` is set before the thread starts and taken by it; `value` is written by the work's
    // thread before `done` is signalled, and read only after `wait` has waited for that signal;
    // `waited` is touched only by the thread that waits. No two threads ever touch one of them at
    // once.
    private var work: (@Sendable () -> Value)?
    private var value: Value?
    private var waited = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread. `lowerPriority` (a nice value's steps, Linux) makes the thread
    /// give way to the process's other threads when the cores are short: work that can wait for the
    /// spare time of a stage's longer threads.
    ///
    /// The work is let go of before `wait` returns: a closure it captured (one made with
    /// `withoutActuallyEscaping`) is no longer held once its value is.
    public init(lowerPriority: Int32 = 0, _ work: @escaping @Sendable () -> Value) {
        self.work = work
        Thread { [self] in
            // A priority that could not be lowered leaves the work as it was, only less well placed.
            _ = ca_lower_thread_priority(lowerPriority)
            do {
                guard let work = self.work.take() else { preconditionFailure("the work was started twice") }
                value = work()
            }
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
