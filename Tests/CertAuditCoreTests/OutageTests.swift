import CertAuditCore
import Testing

/// An outage keeps its causes as one spooled text, where each ends and then the string that joins
/// them: the causes must read back exactly as given — even when one holds the separator itself (a
/// resource ID from an input can), the list's own semicolon or commas, is empty, or is not ASCII —
/// and outages with different causes must differ.
struct OutageTests {
    static func outage(_ causes: [String]) -> Outage {
        Outage(
            resourceID: "r", resourceType: ResourceType("CDN"), certificateID: "c",
            date: LocalDate(year: 2027, month: 1, day: 1)!, causes: causes)
    }

    @Test(arguments: [
        [], [""], ["one"], ["one", "two"], ["a → b", "c"], ["", "", "x"], ["证书 → 过期", "→", " → "],
        ["auto-renewal is off", "no hosting plan replaces it", "CDN r serves an expired or revoked certificate"],
        ["1,2;3", ";", "a;b,c", "12"], [";;"], [","],
    ])
    func causesReadBackAsGiven(_ causes: [String]) {
        let outage = Self.outage(causes)
        #expect(outage.causes == causes)
        #expect(outage.explanation == causes.joined(separator: Outage.separator))
    }

    /// The causes are one spooled text, not a list beside it (88 bytes then, and a heap block).
    @Test func anOutageHoldsItsCausesInOneSpooledText() {
        #expect(MemoryLayout<Outage>.stride <= 72)
    }

    @Test func outagesWithTheSameTextButOtherCausesDiffer() {
        let split = Self.outage(["a", "b"])
        let whole = Self.outage(["a → b"])
        #expect(split.explanation == whole.explanation)
        #expect(split != whole)
        #expect(split == Self.outage(["a", "b"]) && split.hashValue == Self.outage(["a", "b"]).hashValue)
    }
}
