import CertAuditCore

/// CRYPTO-WEAK-KEY: RSA (and DSA) keys below 2048 bits, EC keys below P-256 or on any curve but the
/// three the BR allows (P-256, P-384, P-521; BR 6.1.5), anywhere in the bundle. SM2 keys are judged
/// by the national standard, not here.
public struct WeakKeyRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.issueDate

    public let descriptor = RuleDescriptor(
        id: .cryptoWeakKey, title: "Key too weak", defaultSeverity: .high,
        citations: [.baselineRequirements(section: "6.1.5", ballot: "SC-062")],
        summary: "RSA keys below 2048 bits, EC keys below P-256: error.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool { certificate.hasBundle }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        var found: [Finding] = []
        certificate.forEachBundledCertificate { facts in
            guard let weakness = Self.weakness(of: facts.publicKey) else { return }
            found.append(finding("\(facts.subject) has \(weakness).", certificate: certificate.id))
        }
        return found
    }

    /// Why a key is weak, or nil when it is strong enough.
    static func weakness(of key: PublicKeyFacts) -> String? {
        switch key.algorithm {
        case .rsa where key.bits < 2048: "an RSA key of \(key.bits) bits (minimum 2048)"
        case .dsa where key.bits < 2048: "a DSA key of \(key.bits) bits (minimum 2048)"
        case .ec where key.bits < 256: "an EC key on \(key.curve ?? "a \(key.bits)-bit curve") (minimum P-256)"
        case .ec where !["P-256", "P-384", "P-521"].contains(key.curve ?? ""):
            "an EC key on \(key.curve ?? "an unnamed curve"), not P-256, P-384 or P-521"
        default: nil
        }
    }

    public var examples: RuleExamples {
        let rsa1024 = ExampleEstate.bundle(ExampleEstate.leaf(key: .init(algorithm: .rsa, bits: 1024)))
        let p192 = ExampleEstate.bundle(others: [
            ExampleEstate.intermediate(key: .init(algorithm: .ec, bits: 192, curve: "P-192"))
        ])
        let p256 = ExampleEstate.bundle(ExampleEstate.leaf(key: .init(algorithm: .ec, bits: 256, curve: "P-256")))
        let k256 = ExampleEstate.bundle(ExampleEstate.leaf(key: .init(algorithm: .ec, bits: 256, curve: "secp256k1")))
        return RuleExamples(
            passing: [
                RuleExample("RSA 2048", [ExampleEstate.certificate()]),
                RuleExample("EC P-256", [ExampleEstate.certificate(bundle: p256)]),
            ],
            failing: [
                RuleExample("RSA 1024 leaf", [ExampleEstate.certificate(bundle: rsa1024)]),
                RuleExample("P-192 intermediate", [ExampleEstate.certificate(bundle: p192)]),
                RuleExample("secp256k1 leaf", [ExampleEstate.certificate(bundle: k256)]),
            ])
    }
}
