import CertAuditCore

/// UP-SM2-PAIR: a national-standard (国密, SM2) upload has a signing certificate and key and an
/// encryption certificate and key; the two certificates differ, and each key matches its own
/// certificate. One key file in both slots is allowed — as long as it matches both.
public struct SM2PairRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.keyFacts + InputColumn.standard + [
            .certificates(.encBundle), .certificates(.encKey), .certificates(.certificateType),
        ]

    public let descriptor = RuleDescriptor(
        id: .upSm2Pair, title: "SM2 signing and encryption pairs are complete and distinct",
        defaultSeverity: .high, citations: [.consoleGuide(.upload)],
        summary:
            "An SM2 upload has four parts: signing certificate + key, encryption certificate + key. The two "
            + "certificates must not be the same certificate; the same key in both slots is allowed, but each key "
            + "must match its certificate.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.standard == .sm2 && certificate.record.kind == .server && certificate.hasBundle
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        guard let signing = certificate.bundle else { return [] }
        guard let encryption = certificate.encryption else {
            return [
                finding(
                    "The SM2 upload has no encryption certificate (enc_bundle) and key (enc_key).", severity: .medium,
                    certificate: certificate.id)
            ]
        }
        var found: [Finding] = []
        if signing.leaf.fingerprintSHA256 == encryption.leaf.fingerprintSHA256 {
            found.append(
                finding(
                    "The signing and the encryption certificate are the same certificate; SM2 needs two.",
                    certificate: certificate.id))
        }
        for (role, pair) in [("signing", signing), ("encryption", encryption)] {
            if !pair.key.present {
                found.append(
                    finding("The \(role) private key is missing.", severity: .medium, certificate: certificate.id))
            } else if pair.key.matchesLeaf == false {
                found.append(
                    finding(
                        "The \(role) private key does not match the \(role) certificate.", certificate: certificate.id))
            }
        }
        return found
    }

    public var examples: RuleExamples {
        let sm2Key = PublicKeyFacts(algorithm: .sm2, bits: 256, curve: "SM2")
        let signing = ExampleEstate.bundle(ExampleEstate.leaf(key: sm2Key, fingerprint: "51"), others: [])
        let encryption = ExampleEstate.bundle(ExampleEstate.leaf(key: sm2Key, fingerprint: "e1"), others: [])
        let mismatched = ExampleEstate.bundle(
            ExampleEstate.leaf(key: sm2Key, fingerprint: "e1"), others: [],
            key: .init(present: true, matchesLeaf: false))
        func sm2(_ signing: BundleFacts, _ encryption: BundleFacts?) -> Certificate {
            var certificate = ExampleEstate.certificate(bundle: signing) { $0.standard = .sm2 }
            certificate.encryption = encryption
            return certificate
        }
        return RuleExamples(
            passing: [
                RuleExample("two certificates, each with its key", [sm2(signing, encryption)]),
                RuleExample("an international certificate", [ExampleEstate.certificate()]),
            ],
            failing: [
                RuleExample("the same certificate in both slots", [sm2(signing, signing)]),
                RuleExample("an encryption key of another certificate", [sm2(signing, mismatched)]),
                RuleExample("no encryption pair", [sm2(signing, nil)]),
            ])
    }
}
