import Testing

@testable import CertAuditReport

/// Issue 10: repeated strings held once, each reading back byte for byte.
struct StringTableTests {
    @Test func asciiStringsAreSharedAndEveryStringReadsBackAsItCame() {
        var table = StringTable()
        let strings = ["2026-11-28", "high", "2026-11-28", "caf\u{E9}", "cafe\u{301}", "caf\u{E9}", "", "high", ""]
        let places = strings.map { table.place(of: $0) }
        for (string, place) in zip(strings, places) { #expect(Array(table[place].utf8) == Array(string.utf8)) }
        #expect(places[0] == places[2] && places[1] == places[7] && places[6] == places[8])
        // Canonically equal to each other, and not shared: each reads back as it came.
        #expect(Set([places[3], places[4], places[5]]).count == 3)
        #expect(Set(places).count == 6)
    }
}
