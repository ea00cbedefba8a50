/// A resource that serves — or, per the simulation, will serve — an expired or revoked certificate
/// (RES-EXPIRED-BINDING): the outage calendar's entries.
///
/// Its causes are held as the one string that joins them (`explanation`), with where each ends: the
/// resource-expired event's detail is that same string, so an outage's text is stored once, not as
/// a list of causes beside their joined copy (about 220 bytes an outage; a million-certificate
/// estate has hundreds of thousands of outages).
public struct Outage: Sendable, Hashable, Comparable {
    /// What stands between two causes in `explanation`.
    public static let separator = " → "

    public var resourceID: String
    public var resourceType: ResourceType
    /// The certificate the resource serves when it goes out (for a successor, the one it succeeds).
    public var certificateID: String
    /// The first day the resource is out (RULES.md §0); before the as-of date for an outage under way.
    public var date: LocalDate
    /// What led there, oldest first, joined by `separator`.
    public var explanation: String { spooledExplanation.text }
    /// In the process's text spool: an outage's explanation repeats its chain's whole history. Its
    /// event takes it as its detail as it is held (`TimelineEvent.spooledDetail`), not a copy.
    public let spooledExplanation: SpooledText
    /// Where each cause ends in `explanation`'s UTF-8 bytes.
    private let causeEnds: [UInt32]

    public init(
        resourceID: String, resourceType: ResourceType, certificateID: String, date: LocalDate, causes: [String]
    ) {
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.certificateID = certificateID
        self.date = date
        spooledExplanation = SpooledText(causes.joined(separator: Self.separator))
        var ends: [UInt32] = []
        ends.reserveCapacity(causes.count)
        var end = 0
        for (index, cause) in causes.enumerated() {
            end += (index == 0 ? 0 : Self.separator.utf8.count) + cause.utf8.count
            ends.append(UInt32(end))
        }
        causeEnds = ends
    }

    /// What led there ("auto-renewal charge failed 2026-12-11 (…)", …), oldest first.
    public var causes: [String] {
        let bytes = Array(explanation.utf8)
        var start = 0
        return causeEnds.map { end in
            defer { start = Int(end) + Self.separator.utf8.count }
            return String(decoding: bytes[start..<Int(end)], as: UTF8.self)
        }
    }

    public static func < (lhs: Outage, rhs: Outage) -> Bool {
        (lhs.date, lhs.resourceID) < (rhs.date, rhs.resourceID)
    }
}
