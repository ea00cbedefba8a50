import Dispatch

/// Maps `transform` over `items` on `workers` threads and returns the results in input order, so the
/// output never depends on scheduling. Worker `w` takes items `w`, `w + workers`, … (a static
/// partition: no shared counter, no lock).
public func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], workers: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    parallelMap(items, workers: workers, state: {}, transform: { _, item in transform(item) })
}

/// `parallelMap` where each worker also owns a `State` made by `makeState` on its own thread and
/// handed to every call it makes: caches that need no lock (the ingest's decoded intermediates).
/// The state never crosses threads, so it need not be `Sendable`; a transform must not let the
/// state change its results, or they would depend on which worker took which item.
public func parallelMap<Item: Sendable, State, Result: Sendable>(
    _ items: [Item], workers: Int, state makeState: @Sendable () -> State,
    transform: @Sendable (inout State, Item) -> Result
) -> [Result] {
    guard !items.isEmpty else { return [] }
    let slots = ResultSlots<Result>(count: items.count)
    let workerCount = max(1, min(workers, items.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
        var state = makeState()
        var index = worker
        while index < items.count {
            slots.store(transform(&state, items[index]), at: index)
            index += workerCount
        }
    }
    return slots.collect()
}

/// One slot per item, written by exactly one worker and read after all have finished: slots never
/// alias, which is why the unchecked sendability is sound.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    func collect() -> [Result] { slots.map { $0! } }
}
