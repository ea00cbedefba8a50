import CertAuditCore

/// INV-BAD-VALUE: a field of a kept row holds a value that does not parse. The row stays with the
/// field taken as not given (spec/INPUTS.md); this rule says so, and names the rules that read the
/// column and so could not check what they needed — the "could not check" of every such rule, in
/// one place. Medium; high when one of those rules can raise a high finding.
///
/// A bundle that cannot be read is UP-PEM-FORMAT's to report, with the console's wording.
public struct BadValueRule: EstateRule {
    public init() {}

    /// Every column's value is what this rule reports on.
    public let reads: [InputColumn] = InputColumn.all

    public let descriptor = RuleDescriptor(
        id: .invBadValue, title: "A value that does not parse, taken as not given", defaultSeverity: .medium,
        citations: [.certauditAuditRule],
        summary:
            "A field of an input row holds a value that does not parse (a date that is not a date, a tag without "
            + "`=`, an unknown state): the row is kept with that field taken as not given, and the finding names "
            + "file, line, column and value. Medium; high when a rule that could raise a high finding needed the "
            + "field.",
        highestSeverity: .high)

    public func check(_ context: RuleContext) -> [Finding] {
        context.estate.badValues.filter { !PEMFormatRule.reportsUnreadable($0.column) }.map { bad in
            let readers = Self.readers(of: bad.column)
            let atRisk = readers.contains { $0.highestSeverity >= .high }
            let unchecked =
                readers.isEmpty
                ? "No rule reads the column."
                : "Could not check with it: " + readers.map(\.id.rawValue).joined(separator: ", ") + "."
            return finding(
                "\(bad.column.input) line \(bad.line), column \(bad.column.name) (field \(bad.field)): the value "
                    + "'\(bad.value)' is taken as not given: \(bad.reason). \(unchecked)",
                severity: atRisk ? .high : .medium, certificate: bad.certificateID, resource: bad.resourceID,
                aspect: Self.aspect(of: bad))
        }
    }

    /// The input and column; the line too when the row names no certificate or resource (the only
    /// thing left that tells two rows apart).
    static func aspect(of bad: BadValue) -> String {
        let column = "\(bad.column.input) \(bad.column.name)"
        return bad.certificateID == nil && bad.resourceID == nil ? "\(column) line \(bad.line)" : column
    }

    /// The implemented rules (this one aside) that read `column`, in catalogue order.
    static func readers(of column: InputColumn) -> [RuleDescriptor] {
        RuleCatalogue.rules.filter { !($0 is BadValueRule) && $0.reads.contains(column) }.map(\.descriptor)
    }

    public var examples: RuleExamples {
        let tags = BadValue(
            column: .certificates(.tags), line: 3, field: 17, value: "env=prod|broken",
            reason: "tag 'broken' is not key=value", certificateID: "cert-1")
        let enabledOn = BadValue(
            column: .certificates(.autoRenewEnabledOn), line: 3, field: 25, value: "2026-02-30",
            reason: "'2026-02-30' is not a time", certificateID: "cert-1")
        return RuleExamples(
            passing: [RuleExample("every value parses", [ExampleEstate.certificate()])],
            failing: [
                RuleExample(
                    "a tag without '='", estate: Estate(certificates: [ExampleEstate.certificate()], badValues: [tags])),
                RuleExample(
                    "an unreadable auto-renewal date (AR-ENABLE-WINDOW could not check)",
                    estate: Estate(certificates: [ExampleEstate.certificate()], badValues: [enabledOn])),
            ])
    }
}
