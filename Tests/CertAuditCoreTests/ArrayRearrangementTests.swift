import CertAuditCore
import Testing

/// `Array.rearrange(by:)` must put at each position what the order names, for any permutation, and
/// `Finding.putInReportOrder` (which sorts on positions and rearranges) must give exactly `sorted()`.
@Suite struct ArrayRearrangementTests {
    @Test(arguments: [0, 1, 2, 3])
    func followsAnyPermutation(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        for count in [0, 1, 2, 7, 500] {
            var order = Array(0..<count)
            for index in order.indices.reversed() { order.swapAt(index, numbers.next(index + 1)) }
            let original = (0..<count).map { "value \($0)" }
            var rearranged = original
            rearranged.rearrange(by: order)
            #expect(rearranged == order.map { original[$0] })
            var narrow = original
            narrow.rearrange(by: order.map { Int32($0) })
            #expect(narrow == rearranged)
        }
    }

    @Test func identityAndOneLongCycle() {
        var values = Array(10..<20)
        values.rearrange(by: Array(0..<10))
        #expect(values == Array(10..<20))
        values.rearrange(by: Array(1..<10) + [0])
        #expect(values == Array(11..<20) + [10])
    }

    @Test(arguments: [0, 1, 2])
    func findingsInReportOrderAreExactlySorted(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        let rules: [RuleID] = [.invUnknownReference, .upZipForms, .resExpiredBinding]
        let findings = (0..<2_000).map { _ in
            Finding(
                ruleID: rules[numbers.next(rules.count)], severity: Severity.allCases[numbers.next(5)],
                certificateID: numbers.next(4) == 0 ? nil : "cert-\(numbers.next(30))",
                resourceID: numbers.next(2) == 0 ? nil : "res-\(numbers.next(3))",
                packageID: numbers.next(5) == 0 ? "pkg" : nil,
                date: numbers.next(3) == 0 ? nil : LocalDate(daysSinceEpoch: 20_000 + Int64(numbers.next(4))),
                message: "m\(numbers.next(3))", aspect: numbers.next(3) == 0 ? "a\(numbers.next(2))" : nil)
        }
        for workers in [1, 2, 3] {
            var ordered = findings
            Finding.putInReportOrder(&ordered, workers: workers)
            #expect(ordered == findings.sorted(), "\(workers) workers")
            #expect(Finding.areInReportOrder(ordered))
        }
    }

    /// On one thread or two, the order is `sorted()`'s on positions: equal elements (here, equal keys)
    /// keep their input order, also across the two halves' merge.
    @Test(arguments: [0, 1, 2])
    func stableOrderIsSortedsOnAnyNumberOfWorkers(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        for count in [0, 1, 2, 3, 1_001] {
            let keys = (0..<count).map { _ in numbers.next(7) }
            let expected = keys.indices.sorted { keys[$0] < keys[$1] }.map { Int32($0) }
            for workers in [1, 2, 4] {
                #expect(
                    keys.stableOrder(workers: workers, by: { $0.pointee < $1.pointee }) == expected,
                    "\(count) keys, \(workers) workers")
            }
        }
    }
}
