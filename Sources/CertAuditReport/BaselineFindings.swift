import CertAuditCore

/// The previous report's findings, held as their keys: a finding's rule, certificate, resource and
/// package are read back from its key (`FindingKey.parts`), its severity and date first seen are
/// each one of a few shared strings. A `Baseline.Finding` of seven strings was 112 bytes besides its
/// key; an entry here is 24. At a million certificates a nightly run's baseline holds millions of
/// findings from its reading to the comparison, the peak of such a run.
///
/// A finding whose key does not give back its own fields exactly (a report written or edited by
/// hand) is kept whole beside the others, so every finding reads back as it was read.
public struct BaselineFindings: RandomAccessCollection, Sendable, ElementwiseHashable, ExpressibleByArrayLiteral {
    private struct Entry: Sendable {
        var key: String
        /// Places in `values`.
        var severity: UInt32
        var firstSeen: UInt32
    }

    private var entries: [Entry] = []
    /// Each severity and date first seen, once (`StringTable`).
    private var values = StringTable()
    /// The findings whose fields their key does not give, by position.
    private var whole: [Int: Baseline.Finding] = [:]

    public init() {}

    public init(_ findings: some Sequence<Baseline.Finding>) {
        for finding in findings { append(finding) }
    }

    public init(arrayLiteral findings: Baseline.Finding...) {
        self.init(findings)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> Baseline.Finding {
        if let finding = whole[position] { return finding }
        let entry = entries[position]
        // Kept only when its key gave back its fields (`append`).
        let parts = FindingKey(text: entry.key).parts!
        return Baseline.Finding(
            key: entry.key, rule: parts.rule, severity: values[entry.severity], certificate: parts.certificate,
            resource: parts.resource, package: parts.package, firstSeen: values[entry.firstSeen])
    }

    /// The key of the finding at `position`, without making the rest of it.
    public func key(at position: Int) -> String { entries[position].key }

    /// The date first seen of the finding at `position`, without making the rest of it.
    public func firstSeen(at position: Int) -> String { values[entries[position].firstSeen] }

    /// How many findings are held whole, their key not giving back their fields (for tests).
    var heldWhole: Int { whole.count }

    public mutating func append(_ finding: Baseline.Finding) {
        if !Self.keyGivesFields(of: finding) { whole[entries.count] = finding }
        entries.append(
            Entry(
                key: finding.key, severity: values.place(of: finding.severity),
                firstSeen: values.place(of: finding.firstSeen)))
    }

    /// Whether the finding's key reads back as its rule, certificate, resource and package.
    private static func keyGivesFields(of finding: Baseline.Finding) -> Bool {
        guard let parts = FindingKey(text: finding.key).parts else { return false }
        // Byte for byte: a value read back must be the one read, not one canonically equivalent to it.
        return parts.rule.hasSameBytes(as: finding.rule) && parts.certificate.hasSameBytes(as: finding.certificate)
            && parts.resource.hasSameBytes(as: finding.resource) && parts.package.hasSameBytes(as: finding.package)
    }
}
