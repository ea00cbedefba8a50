/// A source a rule comes from that an auditor can open: a public document, or this repository's
/// own rule reference for the checks certaudit adds. Never a file outside the repository.
public enum Citation: Sendable, Hashable {
    /// A chapter of the cloud console's SSL certificate management guide.
    case consoleGuide(ConsoleGuideChapter)
    /// A section of the CA/Browser Forum TLS Baseline Requirements, with the ballot whose text is
    /// cited.
    case baselineRequirements(section: String, ballot: String)
    /// A section of RFC 5280 (the X.509 profile).
    case rfc5280(section: String)
    /// A check certaudit adds to the console's rules (an audit rule): its full text is in the
    /// repository's docs/rules.md.
    case certauditAuditRule

    /// The repository file an audit rule's text is in.
    public static let ruleReferenceFile = "docs/rules.md"

    /// One line for people: `SSL certificate console guide, "证书托管" (Certificate hosting)`,
    /// `CA/Browser Forum Baseline Requirements §6.3.2 (ballot SC-081v3)`, `RFC 5280 §4.1.2.5`.
    public var text: String {
        switch self {
        case .consoleGuide(let chapter):
            "SSL certificate console guide, \"\(chapter.chineseTitle)\" (\(chapter.englishGloss))"
        case .baselineRequirements(let section, let ballot):
            "CA/Browser Forum Baseline Requirements §\(section) (ballot \(ballot))"
        case .rfc5280(let section):
            "RFC 5280 §\(section)"
        case .certauditAuditRule:
            "certaudit audit rule (\(Self.ruleReferenceFile))"
        }
    }

    /// Where to open it, when it is on the web.
    public var address: String? {
        switch self {
        case .consoleGuide, .certauditAuditRule: nil
        case .baselineRequirements: "https://cabforum.org/working-groups/server/baseline-requirements/documents/"
        case .rfc5280(let section): "https://www.rfc-editor.org/rfc/rfc5280#section-\(section)"
        }
    }
}
