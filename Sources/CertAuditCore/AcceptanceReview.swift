/// How `accepted.csv` bears on one run's findings: which findings are accepted (and do not count
/// for `--fail-on` or `--fail-on-new`), which acceptances have lapsed (their findings count again,
/// and say so), and which acceptances match no finding at all (stale: the problem is gone, or the
/// row names it wrongly).
///
/// A finding named by several rows takes the first row in force (by line), else the first lapsed
/// one. A row that matches nothing is stale whatever its `until`.
public struct AcceptanceReview: Sendable {
    /// What one row of `accepted.csv` came to.
    public enum Standing: String, Sendable, Hashable {
        /// In force: its findings are accepted.
        case accepted
        /// Past its `until`: its findings count again.
        case lapsed
        /// It matches no finding.
        case stale
    }

    /// The acceptance a finding is under.
    public struct Acceptance: Sendable, Hashable {
        public let risk: AcceptedRisk
        /// Past `until`: the finding counts again.
        public let lapsed: Bool
    }

    /// One row of `accepted.csv` and what it came to.
    public struct Row: Sendable, Hashable {
        public let risk: AcceptedRisk
        public let standing: Standing
        /// How many findings it names.
        public let matches: Int
    }

    /// Every row, by line.
    public let rows: [Row]
    private let byFinding: [FindingKey: Acceptance]
    /// The rules of the findings in `byFinding`: a finding of any other rule is under no acceptance,
    /// told without making its key (every report row asks, millions at a million certificates).
    private let acceptedRules: Set<RuleID>

    public init(findings: [Finding] = [], accepted: [AcceptedRisk] = [], on date: LocalDate? = nil) {
        let risks = accepted.sorted { $0.line < $1.line }
        var byFinding: [FindingKey: Acceptance] = [:]
        var acceptedRules: Set<RuleID> = []
        var matches = [Int](repeating: 0, count: risks.count)
        // With no rows there is nothing to match: the findings are not gone through at all.
        for finding in risks.isEmpty ? [] : findings {
            var chosen: Acceptance?
            for (index, risk) in risks.enumerated() where risk.matches(finding) {
                matches[index] += 1
                let lapsed = date.map { !risk.holds(on: $0) } ?? false
                if chosen == nil || (chosen?.lapsed == true && !lapsed) {
                    chosen = Acceptance(risk: risk, lapsed: lapsed)
                }
            }
            if let chosen {
                byFinding[finding.key] = chosen
                acceptedRules.insert(finding.ruleID)
            }
        }
        rows = risks.enumerated().map { index, risk in
            let standing: Standing =
                matches[index] == 0 ? .stale : (date.map { risk.holds(on: $0) } ?? true) ? .accepted : .lapsed
            return Row(risk: risk, standing: standing, matches: matches[index])
        }
        self.byFinding = byFinding
        self.acceptedRules = acceptedRules
    }

    /// The acceptance the finding is under, in force or lapsed; nil when no row names it.
    public func acceptance(of finding: Finding) -> Acceptance? {
        acceptedRules.contains(finding.ruleID) ? byFinding[finding.key] : nil
    }

    /// Accepted and in force: the finding does not count for `--fail-on` or `--fail-on-new`.
    public func excuses(_ finding: Finding) -> Bool { acceptance(of: finding).map { !$0.lapsed } ?? false }
}
