import Testing

@testable import CertAuditCore

/// The events that carry only a date, a kind and a certificate are held brief and read back as the
/// very events they were, in timeline order among the full ones; anything more keeps an event full.
@Suite struct BriefTimelineEventTests {
    @Test func onlyADateAKindAndACertificateMakeAnEventBrief() {
        let day = LocalDate(daysSinceEpoch: 20_500)
        let brief = TimelineEvent(date: day, kind: .expiry, certificateID: "cert-1")
        #expect(BriefTimelineEvent(brief)?.event == brief)
        let unnamed = TimelineEvent(date: day, kind: .uphOrderSubmitted)
        #expect(BriefTimelineEvent(unnamed)?.event == unnamed)
        var flagged = brief
        flagged.messageSent = false
        let fuller = [
            TimelineEvent(date: day, kind: .expiry, certificateID: "cert-1", resourceID: "r"),
            TimelineEvent(date: day, kind: .expiry, certificateID: "cert-1", detail: "its chain stops working"),
            TimelineEvent(date: day, kind: .expiry, certificateID: "cert-1", accountID: "acct"),
            TimelineEvent(date: day, kind: .renewalCharge, certificateID: "cert-1", amountFen: 0),
            flagged,
        ]
        for event in fuller { #expect(BriefTimelineEvent(event) == nil, "\(event)") }
        for days in [Int64(Int32.min) + 1, Int64(Int32.max)] {
            let edge = TimelineEvent(date: LocalDate(daysSinceEpoch: days), kind: .expiry)
            #expect(BriefTimelineEvent(edge)?.event == edge)
        }
    }

    @Test(arguments: [0, 1, 2])
    func briefAndFullEventsReadInTimelineOrder(seed: UInt64) {
        var numbers = SeededNumbers(seed: seed)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let kinds = TimelineEventKind.allCases.filter { $0 != .alert }
        let events = (0..<3_000).map { _ in
            var event = TimelineEvent(
                date: LocalDate(daysSinceEpoch: 20_000 + Int64(next(20))), kind: kinds[next(kinds.count)],
                certificateID: next(9) == 0 ? nil : "cert-\(next(40))",
                resourceID: next(4) == 0 ? "r\(next(3))" : nil, detail: next(4) == 0 ? "d\(next(3))" : "")
            if next(8) == 0 { event.messageSent = next(2) == 0 }
            if next(8) == 0 { event.points = next(5) }
            return event
        }
        let timeline = Timeline(events: events, alerts: [])
        let expected = events.sorted()
        #expect(Array(timeline) == expected)
        #expect(timeline.count == expected.count)
        #expect(timeline.briefs.count == events.filter { BriefTimelineEvent($0) != nil }.count)
        #expect(timeline.briefs.count > 1_000 && timeline.events.count > 1_000)
        #expect(timeline.events.allSatisfy { BriefTimelineEvent($0) == nil })
    }

    @Test func aBriefEventTakesTwentyFourBytes() {
        #expect(MemoryLayout<BriefTimelineEvent>.stride <= 24)
    }
}
