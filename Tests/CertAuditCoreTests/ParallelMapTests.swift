import CertAuditCore
import Dispatch
import Testing

@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInInputOrder(workers: Int) {
        let items = Array(0..<1_000)
        #expect(parallelMap(items, workers: workers) { $0 * $0 } == items.map { $0 * $0 })
    }

    /// Each worker makes its state once and keeps it for all its items: the calls that see a fresh
    /// state (count 0) are at most one per worker (a worker may find every item taken before it
    /// starts), and the counts of one worker run 0, 1, 2, … without a gap.
    @Test(arguments: [1, 2, 3, 8])
    func eachWorkerKeepsItsOwnState(workers: Int) {
        let items = Array(0..<100)
        let results = parallelMap(
            items, workers: workers, state: { 0 },
            transform: { (calls: inout Int, item: Int) in
                defer { calls += 1 }
                return (item: item + 1, callsBefore: calls)
            })
        #expect(results.map(\.item) == items.map { $0 + 1 })
        #expect((1...min(workers, items.count)).contains(results.filter { $0.callsBefore == 0 }.count))
        let perWorker = Dictionary(grouping: results.map(\.callsBefore), by: { $0 }).mapValues(\.count)
        #expect(perWorker.keys.sorted() == Array(0..<perWorker.count))
        #expect(perWorker.values.reduce(0, +) == items.count)
    }

    /// A slow item holds up only its own worker: the other takes every item left. Item 0 waits
    /// (bounded) until all the others are done, which a fixed share per worker (worker 0 also owning
    /// items 2, 4, …) would never let happen.
    @Test func aSlowItemDoesNotHoldUpTheOthers() {
        let othersDone = DispatchSemaphore(value: 0)
        let items = Array(0..<10)
        let results = parallelMap(items, workers: 2) { item -> Bool in
            guard item == 0 else {
                othersDone.signal()
                return true
            }
            return items.dropFirst().allSatisfy { _ in othersDone.wait(timeout: .now() + .seconds(30)) == .success }
        }
        #expect(results == Array(repeating: true, count: items.count))
    }

    @Test func noItemsNoWork() {
        let results = parallelMap([Int](), workers: 4, state: { () -> Int in 0 }, transform: { _, item in item })
        #expect(results.isEmpty)
    }
}
