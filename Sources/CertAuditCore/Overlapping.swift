import Dispatch

/// Computes `background` on another thread while `foreground` runs on the caller's, and returns
/// `background`'s result once both are done: a stage that merges one batch into its own state
/// (`foreground`, free to change the caller's variables) while the next batch is parsed
/// (`background`). Unlike `concurrently`, `background` may use `parallelMap` at its full width: a
/// dispatch apply nested in `concurrently`'s runs its iterations one after the other. With
/// `workers` below 2, `foreground` runs first, then `background`, on the caller's thread.
public func overlapping<Result: Sendable>(
    workers: Int, background: @escaping @Sendable () -> Result, foreground: () -> Void
) -> Result {
    guard workers >= 2 else {
        foreground()
        return background()
    }
    // Written once on the background thread and read only after `wait()`, which the write
    // happens-before: no two threads ever touch it at once.
    nonisolated(unsafe) var result: Result?
    let done = DispatchGroup()
    DispatchQueue.global().async(group: done) { result = background() }
    foreground()
    done.wait()
    guard let result else { preconditionFailure("the background work ended without a result") }
    return result
}
