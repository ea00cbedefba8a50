/// How a cell's value is marked up.
public enum HTMLCellFormat: String, Sendable, CaseIterable {
    /// As text.
    case plain
    /// Free text from the inputs (aliases, subjects, SAN and resource lists), with a line-break
    /// opportunity after each separator (`BreakOpportunities`) rather than a break inside a word.
    case text
    /// As `<code>`, after the heading as a label (a finding's certificate: `certificate <code>c1</code>`).
    case code
    /// As `<time>`.
    case time
    /// A rule ID, linked to its entry in the rule reference.
    case rule
    /// A repeated field of rule reasons, one list item each: its `effect`, a link to its `rule`
    /// in the rule reference, and its text.
    case reasons
}
