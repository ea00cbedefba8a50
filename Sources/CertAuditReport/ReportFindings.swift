import CertAuditCore

/// The findings section of a `ReportModel`: each `ReportFinding` is made when it is read, one at a
/// time, and dropped after.
///
/// Why lazy: at 100,000 certificates the rules find some 240,000 findings, and a second copy of them
/// as rows of strings (message, key, cleaned IDs, acceptance) cost as much memory as the findings
/// themselves while both were alive. What is held instead: the rules' `[Finding]` as handed in
/// (shared with the caller, not copied), each finding's position in it in report order (`Finding`'s
/// `<`), the acceptance review, and, once the run is compared with the previous one, each row's
/// change and first-seen date (`FindingChanges`, four bytes a row). A row is the same whenever it is
/// made (`ReportModel.finding`, then the change), so the renderers read exactly what an array of rows
/// would give them.
///
/// Reading a row costs its making: a consumer that reads one row many times should take it once.
public struct ReportFindings: RandomAccessCollection, Sendable {
    private let findings: [Finding]
    /// Positions in `findings`, in report order; empty when `findings` are in report order already
    /// (as the run hands them in): the identity order was 8 bytes a finding, 19 MB at a million
    /// certificates, held while the reports were written.
    private let order: [Int]
    private let acceptance: AcceptanceReview
    /// The first-seen date of a finding when nothing was compared: this run's as-of date.
    private let asOfDate: String
    /// By report position; empty until `record(_:)` is given the comparison's outcome.
    private var changes = FindingChanges()

    init(findings: [Finding], acceptance: AcceptanceReview, asOfDate: String) {
        self.findings = findings
        // The run hands them in report order already (`FindingKey.distinct`): checked, not sorted again.
        self.order =
            Finding.areInReportOrder(findings) ? [] : findings.indices.sorted { findings[$0] < findings[$1] }
        self.acceptance = acceptance
        self.asOfDate = asOfDate
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { findings.count }

    /// Where the row at a report position is in `findings`.
    private func place(of position: Int) -> Int { order.isEmpty ? position : order[position] }

    /// The row at a position, made now.
    public subscript(position: Int) -> ReportFinding {
        let finding = findings[place(of: position)]
        var row = ReportModel.finding(finding, firstSeen: asOfDate, acceptance: acceptance.acceptance(of: finding))
        if !changes.isEmpty {
            row.change = changes.change(at: position)
            row.firstSeen = changes.firstSeen(at: position)
        }
        return row
    }

    /// The row's `rule`, without making the row.
    func rule(at position: Int) -> String { ReportText.clean(findings[place(of: position)].ruleID.rawValue) }

    /// The row's `severity`, without making the row.
    func severity(at position: Int) -> String { findings[place(of: position)].severity.rawValue }

    /// The row's `key`, without making the row (the comparison reads every row's key and nothing
    /// else).
    func key(at position: Int) -> String { findings[place(of: position)].key.text }

    /// The row's `change`, without making the row.
    func change(at position: Int) -> String? { changes.isEmpty ? nil : changes.change(at: position) }

    /// Each row's change, by position (what `RunComparison` found).
    mutating func record(_ changes: FindingChanges) {
        precondition(changes.count == findings.count, "one change per finding")
        self.changes = changes
    }
}
