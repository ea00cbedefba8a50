import CertAuditCore
import Testing

@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInInputOrder(workers: Int) {
        let items = Array(0..<1_000)
        #expect(parallelMap(items, workers: workers) { $0 * $0 } == items.map { $0 * $0 })
    }

    /// Each worker makes its state once and keeps it for all its items: the calls that see a fresh
    /// state (count 0) are one per worker, and the counts of one worker run 0, 1, 2, … without a gap.
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
        #expect(results.filter { $0.callsBefore == 0 }.count == min(workers, items.count))
        let perWorker = Dictionary(grouping: results.map(\.callsBefore), by: { $0 }).mapValues(\.count)
        #expect(perWorker.keys.sorted() == Array(0..<perWorker.count))
        #expect(perWorker.values.reduce(0, +) == items.count)
    }

    @Test func noItemsNoWork() {
        let results = parallelMap([Int](), workers: 4, state: { () -> Int in 0 }, transform: { _, item in item })
        #expect(results.isEmpty)
    }
}
