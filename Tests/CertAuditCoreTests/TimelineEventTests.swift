import Testing

@testable import CertAuditCore

/// `TimelineEvent` keeps the fields only some kinds carry out of line: it must read, write, compare
/// and hash as if they were plain fields.
struct TimelineEventTests {
    static let day = LocalDate(year: 2027, month: 3, day: 1)!

    /// Every field read back as set, through the initialiser and through the setters alike.
    @Test func fieldsReadBackAsSetWhicheverWayTheyAreSet() {
        let deliveries = [AlertDelivery(receiver: "ops", channel: "email", deliverable: true)]
        let made = TimelineEvent(
            date: Self.day, kind: .alert, certificateID: "c", resourceID: "r", accountID: "a", packageID: "p",
            amountFen: 1_250, points: 3, policyID: "policy", times: 2, messageSent: false, deliveries: deliveries,
            detail: "d")
        var set = TimelineEvent(date: Self.day, kind: .alert, certificateID: "c", resourceID: "r", detail: "d")
        set.accountID = "a"
        set.packageID = "p"
        set.amountFen = 1_250
        set.points = 3
        set.policyID = "policy"
        set.times = 2
        set.messageSent = false
        set.deliveries = deliveries
        for event in [made, set] {
            #expect(event.accountID == "a")
            #expect(event.packageID == "p")
            #expect(event.amountFen == 1_250)
            #expect(event.points == 3)
            #expect(event.policyID == "policy")
            #expect(event.times == 2)
            #expect(event.messageSent == false)
            #expect(event.deliveries == deliveries)
        }
        #expect(made == set)
        #expect(made.hashValue == set.hashValue)
    }

    /// A field set and cleared again leaves an event equal to, and hashed like, one that never had
    /// it; a field that differs makes the events differ.
    @Test func clearedFieldsCompareAsNeverSet() {
        let plain = TimelineEvent(date: Self.day, kind: .expiry, certificateID: "c")
        var cleared = plain
        cleared.amountFen = 5
        #expect(cleared != plain)
        cleared.amountFen = nil
        #expect(cleared == plain)
        #expect(cleared.hashValue == plain.hashValue)
        var other = plain
        other.messageSent = true
        #expect(other != plain)
    }

    /// The point of keeping them out of line: a large estate's simulation holds millions of events.
    @Test func anEventStaysSmallInline() {
        #expect(MemoryLayout<TimelineEvent>.size <= 80)
    }

    /// A hosting event's message flag is held inline: setting it makes no box for the particulars, and
    /// it still fits the event's 64 bytes.
    @Test func aHostingEventsMessageFlagNeedsNoParticulars() {
        var event = TimelineEvent(date: Self.day, kind: .hostingReplaced, certificateID: "c", messageSent: true)
        #expect(event.particulars == nil && event.messageSent == true)
        event.messageSent = false
        #expect(event.particulars == nil && event.messageSent == false)
        let plain = TimelineEvent(date: Self.day, kind: .hostingReplaced, certificateID: "c")
        #expect(event != plain)
        event.messageSent = nil
        #expect(event == plain && event.hashValue == plain.hashValue)
        event.messageSent = false
        event.points = 1
        #expect(event.particulars != nil && event.messageSent == false)
        #expect(MemoryLayout<TimelineEvent>.stride <= 56)
    }
}
