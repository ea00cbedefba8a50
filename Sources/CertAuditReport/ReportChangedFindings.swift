/// The changes section's findings (`ReportChanges.findings`): new, then resolved, then open, each
/// group by key. A new or open finding is a row of the report's findings section, made when it is
/// read (`ReportFindings`); only the resolved ones, which are in the baseline alone, are held.
///
/// Why: an open finding is every finding still there since the last run — nearly all of them every
/// night — and each was held again as a row of seven strings: about 40 MB at 100,000 certificates
/// (a nightly run's peak 523 MiB against 328 without a baseline), about 400 MB at a million. Now
/// each takes its position, 4 bytes.
public struct ReportChangedFindings: RandomAccessCollection, Sendable, ElementwiseHashable {
    /// The report's findings, their changes recorded (`ReportFindings.record`); nil when empty.
    private let rows: ReportFindings?
    /// Report positions in `rows`, by key.
    private let new: [Int32]
    private let resolved: [Baseline.Finding]
    private let open: [Int32]

    /// None.
    public init() {
        self.init(rows: nil, new: [], resolved: [], open: [])
    }

    /// `new` and `open` are positions in `rows` (whose changes are recorded), each group by key.
    init(rows: ReportFindings?, new: [Int32], resolved: [Baseline.Finding], open: [Int32]) {
        self.rows = rows
        self.new = new
        self.resolved = resolved
        self.open = open
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { new.count + resolved.count + open.count }

    public subscript(position: Int) -> ReportChanges.Finding {
        if position < new.count { return Self.change("new", rows?[Int(new[position])]) }
        let place = position - new.count
        if place < resolved.count { return ReportChanges.Finding(change: "resolved", finding: resolved[place]) }
        return Self.change("open", rows?[Int(open[place - resolved.count])])
    }

    /// How many findings have the change (`new`, `resolved`, `open`).
    public func count(_ change: String) -> Int {
        switch change {
        case "new": new.count
        case "resolved": resolved.count
        case "open": open.count
        default: 0
        }
    }

    /// The findings with the change, without making the others.
    public func changed(_ change: String) -> Slice<ReportChangedFindings> {
        switch change {
        case "new": self[0..<new.count]
        case "resolved": self[new.count..<(new.count + resolved.count)]
        case "open": self[(new.count + resolved.count)...]
        default: self[endIndex...]
        }
    }

    /// A row of this run as a change: what the comparison reads of it (`RunComparison`).
    static func change(_ change: String, _ row: ReportFinding?) -> ReportChanges.Finding {
        guard let row else { preconditionFailure("a change of this run's findings without them") }
        return ReportChanges.Finding(
            change: change,
            finding: Baseline.Finding(
                key: row.key, rule: row.rule, severity: row.severity, certificate: row.certificate,
                resource: row.resource, package: row.package, firstSeen: row.firstSeen))
    }
}
