import Dispatch
import Synchronization

/// Maps `transform` over `items` on `workers` threads and returns the results in input order, so the
/// output never depends on scheduling. Each worker takes the next item not yet taken (one shared
/// atomic counter): with the static partition before (worker `w` took items `w`, `w + workers`, …),
/// a worker slowed by another thread on its core (the ingest merges one round while it parses the
/// next) held up the round's end while the other waited.
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
    let workerCount = max(1, min(workers, items.count))
    // The workers write straight into the result's storage: results held in slots and then copied
    // into an array were held twice at the end of every stage (at a million bundles, gigabytes).
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initializedCount in
        let slots = ResultSlots(buffer)
        let taken = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            var state = makeState()
            while true {
                let index = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                slots.initialize(index, to: transform(&state, items[index]))
            }
        }
        initializedCount = items.count
    }
}

/// The result's storage as the workers see it: each index is initialized by exactly one worker, and
/// the storage is read only after all have finished, so slots never alias — which is why the
/// unchecked sendability is sound.
private struct ResultSlots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result>

    init(_ buffer: UnsafeMutableBufferPointer<Result>) { self.buffer = buffer }

    func initialize(_ index: Int, to result: Result) { (buffer.baseAddress! + index).initialize(to: result) }
}
