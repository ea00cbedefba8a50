import Testing

@testable import CertAuditCore

/// A leaf's SANs are held as bare DNS names when they are all DNS names (so that the inventory row's
/// array can serve for them), and its common names as the first SAN when they are that one name:
/// neither form may change what the facts read, compare or hash as.
struct SubjectAltNamesTests {
    static func storage<Element>(_ list: [Element]) -> UInt? {
        list.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    static func facts(commonNames: [String], sans: [SubjectAltName]) -> CertificateFacts {
        CertificateFacts(
            subject: "CN=x", issuer: "CN=CA", serialHex: "01", notBefore: Instant(secondsSinceEpoch: 0),
            notAfter: Instant(secondsSinceEpoch: 86_400), commonNames: commonNames, subjectAltNames: sans,
            publicKey: PublicKeyFacts(algorithm: .ec, bits: 256, curve: "prime256v1"),
            signatureAlgorithm: "ecdsa-with-SHA256", fingerprintSHA256: "aa", basicConstraints: nil, keyUsage: nil,
            extendedKeyUsage: nil, subjectKeyID: nil, authorityKeyID: nil, isSelfIssued: false)
    }

    @Test func aListReadsBackEveryEntryInOrder() {
        let dns = [SubjectAltName(.dns, "a.example.com"), SubjectAltName(.dns, "b.example.com")]
        let mixed = [
            SubjectAltName(.dns, "a.example.com"), SubjectAltName(.ip, "192.0.2.1"), SubjectAltName(.dns, "c"),
        ]
        #expect(Array(SubjectAltNames(dns)) == dns && SubjectAltNames(dns).areAllDNSNames)
        #expect(Array(SubjectAltNames(mixed)) == mixed && !SubjectAltNames(mixed).areAllDNSNames)
        #expect(SubjectAltNames(mixed).dnsNames == ["a.example.com", "c"])
        #expect(SubjectAltNames([]).isEmpty && SubjectAltNames([]).dnsNames.isEmpty)
        #expect(SubjectAltNames(dns) == [SubjectAltName(.dns, "a.example.com"), SubjectAltName(.dns, "b.example.com")])
        #expect(SubjectAltNames(dns) != SubjectAltNames(mixed))
    }

    @Test func anEqualArrayOfDNSNamesIsSharedAndNothingElseIs() {
        let row = ["a.example.com", "www.a.example.com"]
        var names = SubjectAltNames(row.map { SubjectAltName(.dns, String(decoding: Array($0.utf8), as: UTF8.self)) })
        #expect(Self.storage(names.dnsNames) != Self.storage(row))
        let before = names
        let didShare = names.share(row)
        #expect(didShare)
        #expect(Self.storage(names.dnsNames) == Self.storage(row))
        #expect(names == before && names.hashValue == before.hashValue)
        let sharedOther = names.share(["a.example.com"])
        #expect(!sharedOther)
        var mixed = SubjectAltNames([SubjectAltName(.dns, "a.example.com"), SubjectAltName(.email, "x@a.example.com")])
        let shared = mixed.share(["a.example.com", "x@a.example.com"])
        #expect(!shared)
    }

    @Test func theCommonNameHeldAsTheFirstSANReadsAsItself() {
        let sans = [SubjectAltName(.dns, "a.example.com"), SubjectAltName(.dns, "www.a.example.com")]
        var facts = Self.facts(commonNames: ["a.example.com"], sans: sans)
        #expect(facts.commonNames == ["a.example.com"])
        #expect(facts == Self.facts(commonNames: ["a.example.com"], sans: sans))
        // Changing the SANs keeps the common name it had.
        facts.subjectAltNames = [SubjectAltName(.dns, "b.example.com")]
        #expect(facts.commonNames == ["a.example.com"])
        #expect(facts == Self.facts(commonNames: ["a.example.com"], sans: [SubjectAltName(.dns, "b.example.com")]))
        facts.commonNames = ["b.example.com"]
        let held = Self.facts(commonNames: ["b.example.com"], sans: [SubjectAltName(.dns, "b.example.com")])
        #expect(facts == held && facts.hashValue == held.hashValue)
        // Names that are not the first DNS name are held as they are.
        let other = Self.facts(commonNames: ["www.a.example.com"], sans: sans)
        #expect(other.commonNames == ["www.a.example.com"])
        let two = Self.facts(commonNames: ["a.example.com", "b"], sans: sans)
        #expect(two.commonNames == ["a.example.com", "b"])
        let ipFirst = Self.facts(commonNames: ["192.0.2.1"], sans: [SubjectAltName(.ip, "192.0.2.1")])
        #expect(ipFirst.commonNames == ["192.0.2.1"] && ipFirst.dnsNames.isEmpty)
        #expect(Self.facts(commonNames: [], sans: sans).commonNames.isEmpty)
    }

    @Test func sharingTheRowsNamesLeavesTheFactsEqual() {
        let row = ["a.example.com", "www.a.example.com"]
        let sans = row.map { SubjectAltName(.dns, String(decoding: Array($0.utf8), as: UTF8.self)) }
        let original = Self.facts(commonNames: ["a.example.com"], sans: sans)
        var shared = original
        shared.shareNames(array: row) { $0 }
        #expect(Self.storage(shared.dnsNames) == Self.storage(row))
        #expect(shared == original && shared.hashValue == original.hashValue)
        #expect(shared.commonNames.first.map { $0.utf8.count } == 13)
    }
}
