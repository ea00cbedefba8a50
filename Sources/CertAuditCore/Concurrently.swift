import Dispatch

/// Computes `first` and `second` side by side on two threads when `workers` is 2 or more, one after
/// the other otherwise, and returns both: two stages that read the same values and write nothing
/// shared (the simulation and the cost forecast) then take the time of the longer one.
public func concurrently<First: Sendable, Second: Sendable>(
    workers: Int, _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    guard workers >= 2 else { return (first(), second()) }
    // Each result is written by exactly one iteration and read only after `concurrentPerform`
    // has returned, which waits for both: no two threads ever touch one variable at once.
    nonisolated(unsafe) var one: First?
    nonisolated(unsafe) var two: Second?
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { one = first() } else { two = second() }
    }
    guard let one, let two else { preconditionFailure("concurrentPerform returned before both were done") }
    return (one, two)
}
