import Testing

@testable import CertAuditCore

/// `Certificate.encryption` lives out of line (almost every certificate has none) and still behaves
/// as a value: copies are independent, equality and hashing go by the facts.
struct CertificateStorageTests {
    static func bundle(_ fingerprint: String) -> BundleFacts {
        BundleFacts(
            leaf: CertificateFacts(
                subject: "CN=sm2.example.com", issuer: "CN=SM2 CA", serialHex: "01",
                notBefore: Instant(secondsSinceEpoch: 0), notAfter: Instant(secondsSinceEpoch: 86_400),
                commonNames: ["sm2.example.com"], subjectAltNames: [SubjectAltName(.dns, "sm2.example.com")],
                publicKey: PublicKeyFacts(algorithm: .sm2, bits: 256, curve: "SM2"),
                signatureAlgorithm: "SM2-with-SM3", fingerprintSHA256: fingerprint, basicConstraints: nil,
                keyUsage: nil, extendedKeyUsage: nil, subjectKeyID: nil, authorityKeyID: nil, isSelfIssued: false),
            others: [], isInChainOrder: true, key: .absent, chain: .notChecked)
    }

    @Test func anAbsentEncryptionBundleCostsAPointerNotABundle() {
        #expect(
            MemoryLayout<Certificate>.stride
                <= MemoryLayout<CertificateRecord>.stride + MemoryLayout<BundleFacts?>.stride
                + MemoryLayout<Int>.stride)
    }

    @Test func theEncryptionBundleKeepsValueSemantics() {
        let record = CertificateRecord(line: 2, id: "sm2")
        let original = Certificate(record: record, bundle: Self.bundle("aa"), encryption: Self.bundle("bb"))
        var copy = original
        copy.encryption?.leaf.serialHex = "02"
        #expect(original.encryption?.leaf.serialHex == "01")
        #expect(copy.encryption?.leaf.serialHex == "02")
        #expect(copy != original)
        copy.encryption = nil
        #expect(copy.encryption == nil && original.encryption == Self.bundle("bb"))
        let twin = Certificate(record: record, bundle: Self.bundle("aa"), encryption: Self.bundle("bb"))
        #expect(twin == original)
        #expect(twin.hashValue == original.hashValue)
        #expect(Certificate(record: record, bundle: Self.bundle("aa"), encryption: Self.bundle("cc")) != original)
    }
}
