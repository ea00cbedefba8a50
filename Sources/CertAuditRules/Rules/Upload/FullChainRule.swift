import CertAuditCore

/// UP-FULL-CHAIN: a served bundle carries leaf, then each intermediate, up to a root.
///
/// The console enforces this on upload only; certaudit checks every server bundle it is given,
/// whoever issued it, because a bundle that misses an intermediate breaks clients all the same.
public struct FullChainRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.bundleFacts + [.certificates(.certificateType)]

    public let descriptor = RuleDescriptor(
        id: .upFullChain, title: "Bundle carries the complete chain, in order", defaultSeverity: .high,
        citations: [.consoleGuide(.upload)],
        summary:
            "A server certificate must come with its complete chain: the leaf, then each intermediate up "
            + "to (not necessarily including) the root. Missing intermediates, wrong order and certificates "
            + "that do not chain are findings.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.kind == .server && certificate.hasBundle
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let bundle = certificate.bundle else { return [] }
        var found: [Finding] = []
        let detail = bundle.chain.detail.map { " (OpenSSL: \($0))" } ?? ""
        switch bundle.chain.status {
        case .incomplete:
            found.append(
                finding(
                    "The chain is incomplete: an intermediate certificate is missing from the bundle\(detail).",
                    certificate: certificate.id))
        case .broken:
            found.append(finding("The chain does not verify\(detail).", certificate: certificate.id))
        case .untrusted:
            found.append(
                finding(
                    "The chain ends at a root that is neither in the system trust store nor in inputs/trust/\(detail).",
                    severity: .medium, certificate: certificate.id))
        case .complete, .notChecked:
            break
        }
        if !bundle.isInChainOrder {
            found.append(
                finding(
                    "The bundle is not in chain order: it must list the leaf first, then each issuer in turn.",
                    severity: .medium, certificate: certificate.id))
        }
        if !bundle.chain.unusedCertificates.isEmpty {
            let list = bundle.chain.unusedCertificates.joined(separator: ", ")
            found.append(
                finding(
                    "The bundle holds certificates that are not on the leaf's chain (SHA-256 \(list)).",
                    severity: .low, certificate: certificate.id))
        }
        return found
    }

    public var examples: RuleExamples {
        RuleExamples(
            passing: [RuleExample("a complete, ordered chain", [ExampleEstate.certificate()])],
            failing: [
                RuleExample(
                    "an intermediate missing",
                    [ExampleEstate.certificate(bundle: ExampleEstate.bundle(others: [], chain: .incomplete))]),
                RuleExample(
                    "out of order", [ExampleEstate.certificate(bundle: ExampleEstate.bundle(inOrder: false))]),
                RuleExample(
                    "does not verify", [ExampleEstate.certificate(bundle: ExampleEstate.bundle(chain: .broken))]),
                RuleExample(
                    "an unrelated certificate in the bundle",
                    [ExampleEstate.certificate(bundle: ExampleEstate.bundle(unused: ["cc01"]))]),
            ])
    }
}
