import CertAuditCore

/// CRYPTO-WEAK-SIG: MD5 or SHA-1 signatures on anything but a root (a self-issued CA certificate,
/// whose own signature clients never check).
public struct WeakSignatureRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate

    public let descriptor = RuleDescriptor(
        id: .cryptoWeakSig, title: "Weak signature algorithm", defaultSeverity: .high,
        citations: [.baselineRequirements(section: "7.1.3.2", ballot: "SC-062")],
        summary: "MD5 or SHA-1 signatures on anything but a root: error.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool { certificate.hasBundle }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        var found: [Finding] = []
        certificate.forEachBundledCertificate { facts in
            guard !Self.isRoot(facts), Self.isWeak(facts.signatureAlgorithm) else { return }
            found.append(
                finding("\(facts.subject) is signed with \(facts.signatureAlgorithm).", certificate: certificate.id))
        }
        return found
    }

    static func isRoot(_ facts: CertificateFacts) -> Bool { facts.isSelfIssued && facts.isCA }

    /// Whether the algorithm's name holds a weak digest's, in any case. Searched byte by byte:
    /// `String.contains` resolved to Foundation's `range(of:)`, which on Linux goes through
    /// `NSString` (a quarter of the checks' CPU at 100,000 certificates), and `_StringProcessing`'s
    /// `firstRange(of:)` looks up generic metadata on every call (slower still).
    static func isWeak(_ algorithm: String) -> Bool {
        let name = Array(algorithm.lowercased().utf8)
        return weakDigests.contains { name.contains($0) }
    }

    private static let weakDigests: [[UInt8]] = ["md5", "md2", "sha1", "sha-1"].map { Array($0.utf8) }

    public var examples: RuleExamples {
        let sha1 = ExampleEstate.bundle(ExampleEstate.leaf(signature: "sha1WithRSAEncryption"))
        let md5Intermediate = ExampleEstate.bundle(others: [
            ExampleEstate.intermediate(signature: "md5WithRSAEncryption")
        ])
        var root = ExampleEstate.intermediate(signature: "sha1WithRSAEncryption")
        root.isSelfIssued = true
        return RuleExamples(
            passing: [
                RuleExample("SHA-256", [ExampleEstate.certificate()]),
                RuleExample(
                    "a SHA-1 self-signed root in the bundle",
                    [
                        ExampleEstate.certificate(
                            bundle: ExampleEstate.bundle(others: [ExampleEstate.intermediate(), root]))
                    ]),
            ],
            failing: [
                RuleExample("SHA-1 leaf", [ExampleEstate.certificate(bundle: sha1)]),
                RuleExample("MD5 intermediate", [ExampleEstate.certificate(bundle: md5Intermediate)]),
            ])
    }
}
