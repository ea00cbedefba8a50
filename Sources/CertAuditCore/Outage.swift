/// A resource that serves — or, per the simulation, will serve — an expired or revoked certificate
/// (RES-EXPIRED-BINDING): the outage calendar's entries.
///
/// Its causes are one text in the process's text spool (`SpooledText`): where each cause ends, then
/// the string that joins them (`explanation`). An outage's explanation repeats its chain's whole
/// history, and a million-certificate estate has hundreds of thousands of outages: held as a list
/// of causes it was about 220 bytes an outage; as the joined string with an array of where each
/// ends, a 48-byte block an outage for the array alone (21 MB at a million certificates).
public struct Outage: Sendable, Hashable, Comparable {
    /// What stands between two causes in `explanation`.
    public static let separator = " → "

    public var resourceID: String
    public var resourceType: ResourceType
    /// The certificate the resource serves when it goes out (for a successor, the one it succeeds).
    public var certificateID: String
    /// The first day the resource is out (RULES.md §0); before the as-of date for an outage under way.
    public var date: LocalDate
    /// `ends;explanation`: each cause's end in the explanation's UTF-8 bytes, in decimal and separated
    /// by commas, then a semicolon. Digits and commas only before it, so the first semicolon ends the
    /// list whatever the causes hold (a resource ID from an input can hold the separator itself).
    private let spooledCauses: SpooledText

    public init(
        resourceID: String, resourceType: ResourceType, certificateID: String, date: LocalDate, causes: [String]
    ) {
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.certificateID = certificateID
        self.date = date
        var ends: [String] = []
        ends.reserveCapacity(causes.count)
        var end = 0
        for (index, cause) in causes.enumerated() {
            end += (index == 0 ? 0 : Self.separator.utf8.count) + cause.utf8.count
            ends.append(String(end))
        }
        spooledCauses = SpooledText(ends.joined(separator: ",") + ";" + causes.joined(separator: Self.separator))
    }

    /// What led there, oldest first, joined by `separator`.
    public var explanation: String { Self.parts(of: spooledCauses.text).explanation }

    /// What led there ("auto-renewal charge failed 2026-12-11 (…)", …), oldest first.
    public var causes: [String] {
        let (ends, explanation) = Self.parts(of: spooledCauses.text)
        let bytes = Array(explanation.utf8)
        var start = 0
        return ends.map { end in
            defer { start = end + Self.separator.utf8.count }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// The spooled text's two parts: where each cause ends, and the explanation.
    private static func parts(of text: String) -> (ends: [Int], explanation: String) {
        let utf8 = text.utf8
        guard let semicolon = utf8.firstIndex(of: UInt8(ascii: ";")) else { return ([], text) }
        let ends = utf8[..<semicolon].split(separator: UInt8(ascii: ",")).map { digits in
            digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        return (ends, String(text[utf8.index(after: semicolon)...]))
    }

    public static func < (lhs: Outage, rhs: Outage) -> Bool {
        (lhs.date, lhs.resourceID) < (rhs.date, rhs.resourceID)
    }
}
