import Testing

@testable import CertAuditReport

/// Issue 10: each finding's change and date first seen, held in four bytes, read back as given.
struct FindingChangesTests {
    @Test func changesReadBackAsGivenWithEachDateHeldAsItCame() {
        let given: [(open: Bool, firstSeen: String)] = [
            (false, "2026-11-28"), (true, "2026-10-01"), (true, "2026-11-28"), (false, "2026-11-28"),
            (true, "2026-1\u{E9}"), (true, "2026-1e\u{301}"), (true, "2026-10-01"), (false, ""),
        ]
        var changes = FindingChanges()
        #expect(changes.isEmpty)
        for change in given { changes.append(open: change.open, firstSeen: change.firstSeen) }
        #expect(changes.count == given.count && !changes.isEmpty)
        for (position, change) in given.enumerated() {
            #expect(changes.change(at: position) == (change.open ? "open" : "new"))
            // As bytes: a date canonically equal to another but spelled otherwise stays as it came.
            #expect(Array(changes.firstSeen(at: position).utf8) == Array(change.firstSeen.utf8), "\(position)")
        }
    }
}
