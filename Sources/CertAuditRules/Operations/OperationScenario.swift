import CertAuditConsole
import CertAuditCore

/// Hosting, switching auto-renewal on and uploading are what the estate rules already describe at
/// rest. Rather than restate them, a request of those kinds is judged by running the same rules on
/// the estate as it would be if the request went through: a hosting plan configured at the request
/// time, auto-renewal switched on then, the certificate uploaded after everything else.
struct OperationScenario {
    /// The catalogue rules a scenario reruns, by the IDs listed in `rulesByKind`.
    let rules: [any Rule]
    /// The estate's certificates, which `sameContent` points into.
    let certificates: [Certificate]
    /// The places of the estate's certificates by leaf fingerprint (SHA-256), in input order, for
    /// the fingerprints the upload requests' certificates have: an upload is compared with these,
    /// not with the whole estate. Places, not copies of the certificates (216 bytes each and two boxes, a
    /// copy of the estate). Keyed by the fingerprint as the leaf holds it: read as a hex string
    /// through a copy of the leaf, 0.2 s of the run's single-threaded stretch at 100,000
    /// certificates. Only the requested fingerprints: a table of every certificate's was an array
    /// per certificate, some 110 MB of fresh pages and 1.5 s at a million (`perf`).
    let sameContent: [HexText: [Int]]

    init(rules: [any Rule], estate: Estate) {
        self.rules = rules
        certificates = estate.certificates
        let requested = Set(
            estate.lifecycle.operations.lazy.filter { $0.kind == .upload }
                .compactMap {
                    estate.position(of: $0.certificateID).flatMap { estate.certificates[$0].leafFingerprint }
                })
        var byFingerprint: [HexText: [Int]] = [:]
        if !requested.isEmpty {
            for index in certificates.indices {
                if let fingerprint = certificates[index].leafFingerprint, requested.contains(fingerprint) {
                    byFingerprint[fingerprint, default: []].append(index)
                }
            }
        }
        sameContent = byFingerprint
    }

    /// For each kind: the rules whose findings deny the request, then those whose findings are
    /// conditions on it.
    static let rulesByKind: [OperationRecord.Kind: (denying: [RuleID], requiring: [RuleID])] = [
        .host: (
            [.hostEligible, .hostLead, .uphWindow],
            [.hostNoResources, .hostResourceTypes, .hostAssociation, .hostDomainMatch, .uphValidation]
        ),
        .enableAutoRenew: ([.arEligible, .arEnableWindow], []),
        .upload: (
            [.upKeyMatch, .upCaCert, .upSm2Pair, .upDuplicate],
            [.upFullChain, .upZipForms, .certExpired, .certNotYetValid]
        ),
    ]

    func reasons(for request: OperationRequest) -> [OperationReason] {
        guard let kind = Self.rulesByKind[request.operation.kind] else { return [] }
        let scenario: (estate: Estate, certificate: Certificate)
        var reasons: [OperationReason] = []
        switch request.operation.kind {
        case .host:
            let hosting = Self.hostingPlan(for: request)
            scenario = (hosting.estate, request.certificate)
            reasons = hosting.invalid
        case .enableAutoRenew:
            var certificate = request.certificate
            certificate.record = request.console.applying(.autoRenewSwitchedOn, at: request.operation.requestedAt)
                .record(from: certificate.record, on: request.date)
            scenario = (Estate(certificates: [certificate]), certificate)
        default:
            guard request.certificate.hasBundle else {
                return [
                    OperationReason(
                        ruleID: .upPemFormat, effect: .denies,
                        message:
                            "\(request.reference): \(request.certificate.id) has no bundle: there is nothing to upload."
                    )
                ]
            }
            // Uploaded after every certificate with the same content (the only ones UP-DUPLICATE
            // compares), so the rule blames this one if the content is already there.
            let fingerprint = request.certificate.leafFingerprint
            let others = (fingerprint.flatMap { sameContent[$0] } ?? []).map { certificates[$0] }
                .filter { $0.id != request.certificate.id }
            scenario = (Estate(certificates: others + [request.certificate]), request.certificate)
        }
        // The scenario is judged at the request time: "expired" and "days left" mean then.
        let context = RuleContext(
            estate: scenario.estate, settings: request.context.settings, evaluatedAt: request.operation.requestedAt)
        for (ids, effect) in [(kind.denying, OperationReason.Effect.denies), (kind.requiring, .requires)] {
            for rule in rules where ids.contains(rule.descriptor.id) {
                for found in findings(of: rule, on: scenario.certificate, in: context) {
                    let message =
                        found.message.hasPrefix(request.reference)
                        ? found.message : "\(request.reference): \(found.message)"
                    reasons.append(OperationReason(ruleID: found.ruleID, effect: effect, message: message))
                }
            }
        }
        return reasons
    }

    /// The rule's findings about `certificate` in the scenario.
    private func findings(of rule: any Rule, on certificate: Certificate, in context: RuleContext) -> [Finding] {
        if let rule = rule as? any CertificateRule {
            var found: [Finding] = []
            CertificateCheck.of(rule).run(certificate, in: context, into: &found)
            return found
        }
        if let rule = rule as? any EstateRule {
            return rule.check(context).filter { $0.certificateID == certificate.id }
        }
        return []
    }

    /// The estate with the requested hosting plan in it: `types` (`CDN,CLB`; default every type the
    /// scheme covers), `lead` (`immediate`, `25`, `15`, `7`), `association` (`auto` or a certificate
    /// ID), `validation` (`dns`/`file`) and `validation_ready`, configured at the request time; and
    /// the denial of a `lead` that is no lead at all.
    static func hostingPlan(for request: OperationRequest) -> (estate: Estate, invalid: [OperationReason]) {
        var invalid: [OperationReason] = []
        let certificate = request.certificate
        var plan = HostingRecord(line: request.operation.line, certificateID: certificate.id)
        plan.origin = "operations.csv"
        plan.configuredOn = request.operation.requestedAt
        plan.status = .hosting
        if let types = request.parameter("types") {
            plan.resourceTypes = types.split { ",; +".contains($0) }.map { ResourceType(String($0)) }
        } else {
            plan.resourceTypes = HostingScheme(for: certificate).resourceTypes.sorted().map(ResourceType.init)
        }
        if let lead = request.parameter("lead") {
            if let parsed = ReplaceLead(text: lead) {
                plan.replaceLead = parsed
            } else {
                invalid.append(
                    OperationReason(
                        ruleID: .hostLead, effect: .denies,
                        message: "\(request.reference): lead '\(lead)' is not immediate, 25, 15 or 7."))
            }
        }
        var certificates = [certificate]
        if let association = request.parameter("association"), association.lowercased() != "auto" {
            plan.association = .designated(association)
            if let designated = request.context.estate.certificate(id: association) { certificates.append(designated) }
        }
        plan.validationMethod = request.parameter("validation").flatMap {
            HostingRecord.ValidationMethod(rawValue: $0.lowercased())
        }
        plan.validationReady = request.flag("validation_ready")
        let estate = Estate(
            certificates: certificates, resources: request.boundResources, lifecycle: LifecycleInputs(hosting: [plan]))
        return (estate, invalid)
    }
}
