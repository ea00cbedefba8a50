import CertAuditCore
import CertAuditLedger
import CertAuditSimulation

/// The single source for `certaudit rules`, the rule reference in reports and the rule tests.
public enum RuleCatalogue {
    /// The rules the static audit checks, in catalogue order.
    public static let rules: [any Rule] = [
        PEMFormatRule(), FullChainRule(), KeyMatchRule(), CACertificateRule(), SM2PairRule(), ArchiveFormsRule(),
        DuplicateRule(), DownloadFlagRule(),
        ExpiredRule(), ExpiringRule(), NotYetValidRule(), ChainExpiringRule(), InventoryMismatchRule(),
        UnknownReferenceRule(), BadValueRule(), MaximumValidityRule(), SubjectAltNameRule(), WeakKeyRule(),
        WeakSignatureRule(),
        HostingNoResourcesRule(), HostingResourceTypesRule(), HostingLeadRule(),
        HostingAssociationRule(), HostingDomainMatchRule(), HostingEligibleRule(), UploadedHostingWindowRule(),
        UploadedHostingValidationRule(),
        MessageIgnoreRule(), NotifyChannelsRule(),
        NotifyUnwatchedRule(), AlertPolicyRule(),
        AutoRenewEligibleRule(), AutoRenewEnableWindowRule(), UrgeReviewRule(),
        RevokeIssuedHereRule(), RevokePendingRenewalRule(), RevokeReissuedRule(), RevokeBefore2020Rule(),
        RevokeDVValidationRule(), RevokeLetterRule(), RevocationEffectRule(),
        DeleteNoResourcesRule(), DeleteByStateRule(),
        ReissueWindowRule(), ReissueFreeOnceRule(), ReissueOnePerDomainRule(), ReissueInProgressRule(),
        ReissueCSRRule(), ReissueValidationRule(),
    ]

    /// The rules that need no inventory: they look at the certificate files alone (format, chain,
    /// key, dates, Baseline Requirements, cryptography), so they are the ones a plain folder of
    /// certificate files is audited with (`EstateOrigin.certificateFolder`). Every other rule reads
    /// what only the console's inventory says (source, state, hosting, accounts, messages, …).
    public static let certificateFileRuleIDs: [RuleID] = [
        .upPemFormat, .upFullChain, .upKeyMatch, .upCaCert, .upZipForms, .certExpired, .certExpiring,
        .certNotYetValid, .chainExpiring, .brMaxValidity, .brSan, .cryptoWeakKey, .cryptoWeakSig,
    ]

    /// The rules an estate of this origin is audited with, in catalogue order.
    public static func rules(for origin: EstateOrigin) -> [any Rule] {
        switch origin {
        case .inventory: rules
        case .certificateFolder: rules.filter { certificateFileRuleIDs.contains($0.descriptor.id) }
        }
    }

    /// Every rule: the implemented ones (the static audit's, the simulation's, the ledger audit's), then each ID of spec/RULES.md checked elsewhere, in the
    /// spec's order, with its status and reason (`UncheckedRules`) and its text from the spec. An ID
    /// `UncheckedRules` does not know yet is `planned`, which a test forbids.
    public static let descriptors: [RuleDescriptor] = {
        let implemented = rules.map(\.descriptor) + SimulationRules.descriptors + LedgerRules.descriptors
        let implementedIDs = Set(implemented.map(\.id))
        let specOrder = Dictionary(
            SpecRuleList.entries.enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        let planned = SpecRuleList.entries.filter { !implementedIDs.contains($0.id) }.map { entry in
            let status = UncheckedRules.status[entry.id]
            return RuleDescriptor(
                id: entry.id, title: firstSentence(of: entry.text), defaultSeverity: .medium,
                citations: citations(section: entry.section, id: entry.id), summary: entry.text,
                status: status?.status ?? .planned,
                statusNote: status?.reason ?? "Not checked yet.")
        }
        let ordered = implemented.sorted {
            (specOrder[$0.id] ?? Int.max, $0.id) < (specOrder[$1.id] ?? Int.max, $1.id)
        }
        return ordered + planned
    }()

    /// What an implemented rule looks at, in words for the rule reference: each certificate, the
    /// whole estate, or requested operations of some kinds (and for which kinds an estate rule is
    /// rerun as a what-if, `OperationScenario`). Nil for an ID that is not implemented.
    public static func scope(of id: RuleID) -> String? {
        if SimulationRules.descriptors.contains(where: { $0.id == id }) { return "the simulation of the horizon" }
        if LedgerRules.descriptors.contains(where: { $0.id == id }) { return "the points ledger at the as-of time" }
        guard let rule = rules.first(where: { $0.descriptor.id == id }) else { return nil }
        var parts: [String] = []
        if rule is any CertificateRule { parts.append("each certificate") }
        if rule is any EstateRule { parts.append("the estate") }
        var kinds = (rule as? any OperationRule)?.judgedKinds ?? []
        for (kind, ids) in OperationScenario.rulesByKind where (ids.denying + ids.requiring).contains(id) {
            kinds.insert(kind)
        }
        if !kinds.isEmpty {
            parts.append("requests: " + kinds.map(\.rawValue).sorted().joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    /// The sources of a rule the catalogue lists without checking it, from its section of the spec:
    /// each section is distilled from one chapter of the console guide (§9 from three, told apart by
    /// the ID's prefix), §11 from the Baseline Requirements and RFC 5280.
    static func citations(section: String, id: RuleID) -> [Citation] {
        switch section {
        case "1": [.consoleGuide(.upload)]
        case "2": [.consoleGuide(.hosting)]
        case "3": [.consoleGuide(.uploadedHosting)]
        case "4": [.consoleGuide(.autoRenewal)]
        case "5": [.consoleGuide(.urgeReview)]
        case "6": [.consoleGuide(.revocation)]
        case "7": [.consoleGuide(.deletion)]
        case "8": [.consoleGuide(.reissue)]
        case "9" where id.rawValue.hasPrefix("MSG-"): [.consoleGuide(.ignoringMessages)]
        case "9" where id.rawValue.hasPrefix("ALERT-"): [.consoleGuide(.expiryAlerts)]
        case "9": [.consoleGuide(.notifications)]
        case "10": [.consoleGuide(.entitlementPoints)]
        default: [.certauditAuditRule]
        }
    }

    /// The rule's full text as the spec states it (docs/rules.md carries it, so the repository stands
    /// on its own); nil for an ID certaudit adds.
    public static func fullText(of id: RuleID) -> String? {
        SpecRuleList.entries.first { $0.id == id }?.text
    }

    /// The descriptor of a rule ID, if the catalogue knows it.
    public static func descriptor(for id: RuleID) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    /// The descriptor of the rule ID `text` spells, if the catalogue knows it: for text from outside
    /// (a settings file), which makes no `RuleID` of its own (`RuleIDNames`).
    public static func descriptor(named text: String) -> RuleDescriptor? {
        descriptors.first { $0.id.rawValue.hasSameBytes(as: text) }
    }

    /// The IDs spec/RULES.md defines, as the repository's generated copy holds them.
    public static var specRuleIDs: [RuleID] { SpecRuleList.entries.map(\.id) }

    static func firstSentence(of text: String) -> String {
        let plain = text.replacingOccurrences(of: "`", with: "")
        let sentence = plain.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? plain
        return sentence.count > 90 ? String(sentence.prefix(89)) + "…" : sentence
    }
}
