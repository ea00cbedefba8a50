import Testing

@testable import CertAuditCore

/// `HexText` holds hex as bytes and anything else as text: every text must read back exactly as
/// given, and two values must be equal (and hash equal) exactly when their texts are.
struct HexTextTests {
    static let texts = [
        "", "0", "00", "0A", "0a", "-0A", "ab", "AB", "aB", "12", "1234", "abc", "g0", "0x", " 0a", "ö0",
        String(repeating: "a", count: 64), String(repeating: "F", count: 64), String(repeating: "a", count: 66),
        String(repeating: "0", count: 64), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "00F1A2B3C4D5E6F708192A3B4C5D6E7F80", "4E3F2A1B0C", "fingerprint-of-a", "Ab12",
    ]

    @Test func everyTextReadsBackAsGiven() {
        for text in Self.texts {
            #expect(HexText(text).text == text, "\(text)")
        }
    }

    @Test func valuesAreEqualExactlyWhenTheirTextsAre() {
        for left in Self.texts {
            for right in Self.texts {
                #expect((HexText(left) == HexText(right)) == (left == right), "\(left) \(right)")
                if left == right { #expect(HexText(left).hashValue == HexText(right).hashValue) }
            }
        }
    }

    /// Inline, a fingerprint costs its holder 34 bytes where a string took 16 plus a heap block of
    /// 112.
    @Test func aFingerprintIsHeldInline() {
        #expect(MemoryLayout<HexText>.size <= 34)
        #expect(MemoryLayout<HexText?>.size <= 34)
    }

    /// `<` is a strict total order consistent with `==`, whatever each value is held as.
    @Test func theOrderIsTotalAndAgreesWithEquality() {
        let texts = [
            "", "00", "0a", "0A", "ff", "FF", "00ff", "ff00", "0", "abc", "not hex", "aBcD", "é",
            String(repeating: "ab", count: 32), String(repeating: "ab", count: 31) + "ac",
            String(repeating: "AB", count: 32), String(repeating: "ab", count: 33), "0000", "000000",
        ]
        let values = texts.map(HexText.init)
        for a in values {
            for b in values {
                let outcomes = [a < b, b < a, a == b].filter { $0 }.count
                #expect(outcomes == 1, "\(a.text) \(b.text)")
                #expect((a == b) == (a.text == b.text), "\(a.text) \(b.text)")
            }
        }
        let sorted = values.sorted()
        for (index, value) in sorted.enumerated() {
            #expect(sorted[..<index].allSatisfy { $0 < value } && sorted[(index + 1)...].allSatisfy { value < $0 })
        }
    }
}
