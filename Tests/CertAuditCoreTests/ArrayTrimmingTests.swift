import Testing

@testable import CertAuditCore

/// `trimmed()` gives an array grown by appending no more room than an eighth of what it holds,
/// the same elements in the same order, and leaves an array with little spare room as it is.
struct ArrayTrimmingTests {
    @Test(arguments: [1, 9, 100, 1_000, 40_000])
    func anArrayGrownByAppendingIsTrimmed(count: Int) {
        var grown: [String] = []
        // Appended one at a time past a doubling: the spare room is about as large as the elements.
        for index in 0..<(count + count / 2 + 1) { grown.append("element \(index)") }
        let expected = Array(grown)
        let trimmed = grown.trimmed()
        #expect(trimmed == expected)
        #expect(trimmed.capacity - trimmed.count <= trimmed.count / 8)
    }

    @Test func anArrayThatFitsKeepsItsStorage() {
        let fitting = Array(0..<1_000)
        let address = fitting.withUnsafeBufferPointer { $0.baseAddress }
        let trimmed = fitting.trimmed()
        #expect(trimmed.withUnsafeBufferPointer { $0.baseAddress } == address)
        #expect(trimmed == Array(0..<1_000))
    }

    @Test func anEmptyArrayStaysEmpty() {
        var emptied = Array(0..<64)
        emptied.removeAll(keepingCapacity: true)
        let trimmed = emptied.trimmed()
        #expect(trimmed.isEmpty)
        #expect(trimmed.capacity == 0)
    }
}

/// The timeline holds its events, full and brief, without the room their appending left.
struct TimelineTrimmingTests {
    @Test func theTimelineHoldsItsEventsTrimmed() {
        var events: [TimelineEvent] = []
        for day in 0..<3_000 {
            events.append(
                TimelineEvent(
                    date: LocalDate(daysSinceEpoch: 20_000 + Int64(day % 97)), kind: .expiry, certificateID: "c\(day)",
                    resourceID: day % 3 == 0 ? "r\(day)" : nil))
        }
        let expected = events.sorted()
        // Handed over as the simulation hands them (its last reference): ordered in place, not copied.
        let timeline = Timeline(events: consume events, alerts: [])
        #expect(timeline.events.count == 1_000 && timeline.briefs.count == 2_000)
        #expect(timeline.events.capacity - timeline.events.count <= timeline.events.count / 8)
        #expect(timeline.briefs.capacity - timeline.briefs.count <= timeline.briefs.count / 8)
        #expect(Array(timeline) == expected)
    }
}
