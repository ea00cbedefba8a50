import CertAuditCore

/// Builds the small estates that rule examples are made of, around one fixed as-of time
/// (2026-11-28 00:00 in Asia/Shanghai), so examples read as "expires in 10 days", not as timestamps.
public enum ExampleEstate {
    public static let asOf = RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 28)!)
    public static let settings = AuditSettings(asOf: asOf)

    /// `days` whole days after the as-of time (negative: before).
    public static func day(_ days: Int64) -> Instant { asOf + days * Instant.secondsPerDay }

    /// A leaf's facts: a healthy RSA-2048 server certificate for `www.example.com` unless told otherwise.
    public static func leaf(
        cn: String? = "www.example.com", sans: [SubjectAltName] = [.init(.dns, "www.example.com")],
        notBefore: Instant = day(-60), notAfter: Instant = day(120),
        key: PublicKeyFacts = .init(algorithm: .rsa, bits: 2048), signature: String = "sha256WithRSAEncryption",
        isCA: Bool = false, fingerprint: String = "aa01", issuer: String = "CN=Example Intermediate"
    ) -> CertificateFacts {
        CertificateFacts(
            subject: cn.map { "CN=\($0)" } ?? "O=Example", issuer: issuer, serialHex: "01",
            notBefore: notBefore, notAfter: notAfter, commonNames: cn.map { [$0] } ?? [], subjectAltNames: sans,
            publicKey: key, signatureAlgorithm: signature, fingerprintSHA256: fingerprint,
            basicConstraints: BasicConstraints(isCA: isCA, critical: true), keyUsage: nil,
            extendedKeyUsage: isCA ? nil : ["serverAuth"], subjectKeyID: nil, authorityKeyID: nil,
            isSelfIssued: false)
    }

    /// An intermediate CA's facts.
    public static func intermediate(
        notAfter: Instant = day(900), key: PublicKeyFacts = .init(algorithm: .rsa, bits: 2048),
        signature: String = "sha256WithRSAEncryption", fingerprint: String = "bb01"
    ) -> CertificateFacts {
        CertificateFacts(
            subject: "CN=Example Intermediate", issuer: "CN=Example Root", serialHex: "02",
            notBefore: day(-1000), notAfter: notAfter, commonNames: ["Example Intermediate"],
            subjectAltNames: [], publicKey: key, signatureAlgorithm: signature, fingerprintSHA256: fingerprint,
            basicConstraints: BasicConstraints(isCA: true, critical: true), keyUsage: ["keyCertSign", "cRLSign"],
            extendedKeyUsage: nil, subjectKeyID: nil, authorityKeyID: nil, isSelfIssued: false)
    }

    /// A complete, ordered bundle whose matching key is present.
    public static func bundle(
        _ leaf: CertificateFacts = leaf(), others: [CertificateFacts] = [intermediate()],
        key: PrivateKeyStatus = .init(present: true, matchesLeaf: true, algorithm: .rsa),
        chain: ChainVerdict.Status = .complete, inOrder: Bool = true, unused: [String] = []
    ) -> BundleFacts {
        let served = [leaf] + others
        let earliest = served.indices.min { served[$0].notAfter < served[$1].notAfter }!
        return BundleFacts(
            leaf: leaf, others: others, isInChainOrder: inOrder, key: key,
            chain: ChainVerdict(
                status: chain, length: served.count + 1,
                earliestExpiringPlace: earliest,
                unusedCertificates: unused))
    }

    /// A certificate row with a bundle.
    public static func certificate(
        _ id: String = "cert-1", source: CertificateSource = .uploaded, kind: CertificateKind = .server,
        bundle: BundleFacts? = bundle(), configure: (inout CertificateRecord) -> Void = { _ in }
    ) -> Certificate {
        var record = CertificateRecord(line: 2, id: id, source: source, kind: kind)
        record.status = .issued
        configure(&record)
        return Certificate(record: record, bundle: bundle)
    }

    /// A resource serving `certificateID`.
    public static func resource(_ id: String = "lb-1", type: String = "CLB", serving certificateID: String)
        -> ResourceRecord
    {
        ResourceRecord(line: 2, id: id, type: ResourceType(type), region: "ap-shanghai", certificateID: certificateID)
    }
}
