import Testing

@testable import CertAuditCore

/// Issue 10: a sorted array searched by halves finds exactly what `contains` finds.
struct SortedSearchTests {
    @Test func findsWhatContainsFinds() {
        var checked = 0
        for count in 0..<40 {
            // Values with repeats and gaps: 0, 0, 2, 3, 3, 5, …
            let values = (0..<count).map { $0 * 7 % 5 + $0 / 2 }.sorted()
            for probe in -2..<(count + 8) {
                #expect(values.sortedContains(probe) == values.contains(probe), "\(values) \(probe)")
                checked += 1
            }
        }
        #expect(checked > 1_000)
        #expect(["a", "b", "e\u{301}"].sortedContains("\u{E9}") == ["a", "b", "e\u{301}"].contains("\u{E9}"))
    }
}
