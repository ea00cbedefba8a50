import CertAuditCore

/// The single source for `certaudit rules`, the rule reference in reports and the rule tests.
public enum RuleCatalogue {
    /// The rules the static audit checks, in catalogue order.
    public static let rules: [any Rule] = [
        PEMFormatRule(), FullChainRule(), KeyMatchRule(), CACertificateRule(), SM2PairRule(), ArchiveFormsRule(),
        DuplicateRule(),
        ExpiredRule(), ExpiringRule(), NotYetValidRule(), ChainExpiringRule(), InventoryMismatchRule(),
        UnknownReferenceRule(), MaximumValidityRule(), SubjectAltNameRule(), WeakKeyRule(), WeakSignatureRule(),
        ExpiredBindingRule(), HostingNoResourcesRule(), HostingResourceTypesRule(), HostingLeadRule(),
        HostingAssociationRule(), HostingDomainMatchRule(), HostingEligibleRule(), UploadedHostingWindowRule(),
        MessageIgnoreRule(), NotifyChannelsRule(),
        NotifyUnwatchedRule(), AlertPolicyRule(),
        AutoRenewEligibleRule(), AutoRenewEnableWindowRule(),
    ]

    /// Every rule: the implemented ones, then each ID of spec/RULES.md not implemented yet, in the
    /// spec's order, marked `planned` with its text from the spec.
    public static let descriptors: [RuleDescriptor] = {
        let implemented = rules.map(\.descriptor)
        let implementedIDs = Set(implemented.map(\.id))
        let specOrder = Dictionary(
            SpecRuleList.entries.enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        let planned = SpecRuleList.entries.filter { !implementedIDs.contains($0.id) }.map { entry in
            RuleDescriptor(
                id: entry.id, title: firstSentence(of: entry.text), defaultSeverity: .medium,
                citation: "RULES.md §\(entry.section)", summary: entry.text, status: .planned,
                statusNote: "Not checked yet: the lifecycle rules and the simulation come in later issues.")
        }
        let ordered = implemented.sorted {
            (specOrder[$0.id] ?? Int.max, $0.id) < (specOrder[$1.id] ?? Int.max, $1.id)
        }
        return ordered + planned
    }()

    /// The descriptor of a rule ID, if the catalogue knows it.
    public static func descriptor(for id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    /// The IDs spec/RULES.md defines, as the repository's generated copy holds them.
    public static var specRuleIDs: [String] { SpecRuleList.entries.map(\.id) }

    static func firstSentence(of text: String) -> String {
        let plain = text.replacingOccurrences(of: "`", with: "")
        let sentence = plain.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? plain
        return sentence.count > 90 ? String(sentence.prefix(89)) + "…" : sentence
    }
}
