import CertAuditCore
import Testing

/// `TimelineEvent.putInTimelineOrder` must give exactly what `sorted()` gives (the definition of the
/// timeline's order), ties and missing certificates included; events equal under `<` but not `==`
/// (different points) must keep their input order, as a stable sort does.
@Suite struct TimelineOrderTests {
    @Test(arguments: [0, 1, 2, 3])
    func agreesWithSorted(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let kinds = TimelineEventKind.allCases
        let certificates: [String?] = [nil, "", "a", "b", "b2", "B", "cert-10", "cert-9", "证书"]
        let events = (0..<3_000).map { _ in
            TimelineEvent(
                date: LocalDate(daysSinceEpoch: 20_000 + Int64(next(5))), kind: kinds[next(kinds.count)],
                certificateID: certificates[next(certificates.count)],
                resourceID: next(3) == 0 ? nil : "r\(next(3))", accountID: next(4) == 0 ? "acct" : nil,
                points: next(2) == 0 ? nil : next(3), policyID: next(3) == 0 ? "p\(next(2))" : nil,
                detail: next(2) == 0 ? "" : "d\(next(3))")
        }
        var ordered = events
        TimelineEvent.putInTimelineOrder(&ordered)
        #expect(ordered == events.sorted())
        var none: [TimelineEvent] = []
        TimelineEvent.putInTimelineOrder(&none)
        #expect(none.isEmpty)
    }
}
