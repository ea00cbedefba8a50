import CertAuditCore

/// INV-UNKNOWN-REFERENCE (a certaudit addition to RULES.md): an input row names a certificate the
/// estate does not hold — unknown, or quarantined. Broken links are findings naming file and line,
/// never crashes; the row itself stays in the estate.
public struct UnknownReferenceRule: EstateRule {
    public init() {}

    public let descriptor = RuleDescriptor(
        id: "INV-UNKNOWN-REFERENCE", title: "Reference to an unknown certificate", defaultSeverity: .medium,
        citation: "certaudit addition (spec/INPUTS.md: every row is linked or reported)",
        summary:
            "A row of another input (a resource, a hosting plan, an operation…) names a certificate ID that is "
            + "not in certificates.csv, or whose row was quarantined; the link cannot be checked.")

    public func check(_ context: RuleContext) -> [Finding] {
        var quarantined: [String: QuarantineRecord] = [:]
        for record in context.estate.quarantine where record.input == "certificates.csv" {
            if let id = record.certificateID, quarantined[id] == nil { quarantined[id] = record }
        }
        return context.estate.resources.compactMap { resource in
            guard let id = resource.certificateID, context.estate.certificate(id: id) == nil else { return nil }
            let why =
                quarantined[id].map { "whose row was quarantined (certificates.csv line \($0.line): \($0.reason))" }
                ?? "which is not in certificates.csv"
            return finding(
                "resources.csv line \(resource.line): \(resource.type) \(resource.id) names certificate \(id), \(why).",
                certificate: id, resource: resource.id)
        }
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [
                RuleExample(
                    "a known certificate", [ExampleEstate.certificate("a")],
                    resources: [ExampleEstate.resource(serving: "a")])
            ],
            failing: [
                RuleExample(
                    "an unknown certificate", [ExampleEstate.certificate("a")],
                    resources: [ExampleEstate.resource(serving: "b")])
            ])
    }
}
