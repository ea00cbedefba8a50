import CertAuditCore
import Testing

/// A `Timeline` holding its alerts compact must read exactly the events the same timeline held as
/// events would: all of them, alerts expanded in the order they were given, sorted (`sorted()` is
/// the definition of the timeline's order and keeps equal events in their input order).
@Suite struct TimelineTests {
    @Test(arguments: [0, 1, 2, 3])
    func compactAlertsReadAsSortedEvents(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let kinds = TimelineEventKind.allCases.filter { $0 != .alert }
        let certificates = ["a", "b", "b2", "B", "cert-10", "cert-9", "证书"]
        let others = (0..<2_000).map { _ in
            TimelineEvent(
                date: LocalDate(daysSinceEpoch: 20_000 + Int64(next(30))), kind: kinds[next(kinds.count)],
                certificateID: next(5) == 0 ? nil : certificates[next(certificates.count)],
                resourceID: next(3) == 0 ? nil : "r\(next(3))", points: next(2) == 0 ? nil : next(3),
                detail: next(2) == 0 ? "" : "d\(next(3))")
        }
        // Series as the simulation gives them: policy by policy, a policy's ID possibly twice, a
        // certificate possibly twice for one policy (two inventory rows with one ID).
        var series: [AlertSeries] = []
        var alerts: [TimelineEvent] = []
        let repeats: [AlertPolicyRecord.Repeat] = [
            .once, .everyHours(1), .everyHours(7), .everyHours(24), .everyHours(60),
        ]
        for _ in 0..<300 {
            let first = LocalDate(daysSinceEpoch: 20_000 + Int64(next(30)))
            let days = AlertFiringDays(
                first: first, last: first + Int64(next(6)), repeats: repeats[next(repeats.count)])!
            let one = AlertSeries(
                certificateID: certificates[next(certificates.count)], policyID: "p\(next(4))",
                deliveries: [AlertDelivery(receiver: "c\(next(3))", channel: "sms", deliverable: next(2) == 0)],
                days: days)
            for (date, times) in AlertFiringDaysTests.plainFirings(days) {
                alerts.append(
                    TimelineEvent(
                        date: date, kind: .alert, certificateID: one.certificateID, policyID: one.policyID,
                        times: times, deliveries: one.deliveries))
            }
            series.append(one)
        }
        // Events equal under `<` keep their input order, series their given order.
        let timeline = Timeline(events: others, alerts: series)
        let expected = (others + alerts).sorted()
        let read = Array(timeline)
        #expect(read.count == expected.count)
        #expect(read.indices.allSatisfy { read[$0] == expected[$0] })
        #expect(timeline.count == expected.count)
        #expect(timeline == Timeline(others + alerts))
        #expect(Timeline().isEmpty && Array(Timeline()).isEmpty)
    }
}
