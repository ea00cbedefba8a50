import CertAuditCore
import CertAuditRules

/// A rule as `certaudit rules --format json` prints it.
struct RuleJSON: Encodable {
    let id: String
    let title: String
    let severity: String
    let citation: String
    let sources: [SourceJSON]
    let fullText: String?
    let summary: String
    let status: String
    let statusNote: String?
    let effectiveFrom: String?
    let effectiveUntil: String?

    init(_ rule: RuleDescriptor) {
        id = rule.id.rawValue
        title = rule.title
        severity = rule.defaultSeverity.rawValue
        citation = rule.citation
        sources = rule.citations.map { SourceJSON(text: $0.text, address: $0.address) }
        fullText = RuleCatalogue.fullText(of: rule.id)
        summary = rule.summary
        status = rule.status.rawValue
        statusNote = rule.statusNote
        effectiveFrom = rule.effectiveFrom?.description
        effectiveUntil = rule.effectiveUntil?.description
    }
}
