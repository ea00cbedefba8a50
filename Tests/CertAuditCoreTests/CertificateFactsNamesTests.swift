import Testing

@testable import CertAuditCore

/// A leaf's common names are held as its first SAN when they are that one DNS name, and its subject
/// as `CN=` and that name when it is just that: neither form may change what the facts read, compare
/// or hash as, whatever is changed after.
struct CertificateFactsNamesTests {
    static func storage<Element>(_ list: [Element]) -> UInt? {
        list.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    static func facts(subject: String = "CN=x", commonNames: [String], sans: [SubjectAltName]) -> CertificateFacts {
        CertificateFacts(
            subject: subject, issuer: "CN=CA", serialHex: "01", notBefore: Instant(secondsSinceEpoch: 0),
            notAfter: Instant(secondsSinceEpoch: 86_400), commonNames: commonNames, subjectAltNames: sans,
            publicKey: PublicKeyFacts(algorithm: .ec, bits: 256, curve: "prime256v1"),
            signatureAlgorithm: "ecdsa-with-SHA256", fingerprintSHA256: "aa", basicConstraints: nil, keyUsage: nil,
            extendedKeyUsage: nil, subjectKeyID: nil, authorityKeyID: nil, isSelfIssued: false)
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

    @Test func aSubjectThatIsItsCommonNameReadsAsItself() {
        let sans = [SubjectAltName(.dns, "www.a-long-name.example.com")]
        let subject = "CN=www.a-long-name.example.com"
        var facts = Self.facts(subject: subject, commonNames: ["www.a-long-name.example.com"], sans: sans)
        #expect(facts.subject == subject)
        let twin = Self.facts(subject: subject, commonNames: ["www.a-long-name.example.com"], sans: sans)
        #expect(facts == twin && facts.hashValue == twin.hashValue)
        // A new common name, or new SANs, leave the subject as it was.
        facts.commonNames = ["other.example.com"]
        #expect(facts.subject == subject && facts.commonNames == ["other.example.com"])
        facts.subjectAltNames = [SubjectAltName(.dns, "third.example.com")]
        #expect(facts.subject == subject)
        facts.subject = "CN=other.example.com"
        #expect(facts.subject == "CN=other.example.com")
        // Subjects with more than the common name, or another name, are held as they are.
        for (other, names) in [
            ("CN=www.a-long-name.example.com,O=Example Ltd,C=CN", ["www.a-long-name.example.com"]),
            ("CN=www.a-long-name.example.com", ["www.a-long-name.example.com", "b"]),
            ("CN=www.a-long-name.example.net", ["www.a-long-name.example.com"]),
            ("O=www.a-long-name.example.com", ["www.a-long-name.example.com"]),
        ] {
            #expect(Self.facts(subject: other, commonNames: names, sans: sans).subject == other)
        }
        #expect(Self.facts(subject: "CN=a", commonNames: ["a"], sans: []).subject == "CN=a")
    }

    /// New SANs set straight onto facts holding both names compactly: the subject and the common
    /// name keep what they were, though both were read through the old SANs.
    @Test func newSANsLeaveACompactSubjectAsItWas() {
        let name = "www.a-long-name.example.com"
        var facts = Self.facts(subject: "CN=" + name, commonNames: [name], sans: [SubjectAltName(.dns, name)])
        facts.subjectAltNames = [SubjectAltName(.dns, "other.example.com")]
        #expect(facts.subject == "CN=" + name && facts.commonNames == [name])
        facts.subjectAltNames = []
        #expect(facts.subject == "CN=" + name && facts.commonNames == [name])
        facts.subjectAltNames = [SubjectAltName(.dns, name)]
        let twin = Self.facts(subject: "CN=" + name, commonNames: [name], sans: [SubjectAltName(.dns, name)])
        #expect(facts == twin && facts.hashValue == twin.hashValue)
    }

    /// Names spelled alike to Swift's `==` but in other bytes (a decomposed é against a composed
    /// one) are not held as one another: each reads back its own bytes.
    @Test func canonicallyEquivalentSpellingsKeepTheirOwnBytes() {
        let composed = "caf\u{E9}.a-long-name.example.com"
        let decomposed = "cafe\u{301}.a-long-name.example.com"
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        let facts = Self.facts(
            subject: "CN=" + decomposed, commonNames: [decomposed], sans: [SubjectAltName(.dns, composed)])
        #expect(facts.commonNames.first.map { Array($0.utf8) } == Array(decomposed.utf8))
        #expect(Array(facts.subject.utf8) == Array(("CN=" + decomposed).utf8))
        var shared = Self.facts(commonNames: [], sans: [SubjectAltName(.dns, decomposed)])
        shared.shareNames(array: [composed]) { $0 }
        #expect(shared.dnsNames.first.map { Array($0.utf8) } == Array(decomposed.utf8))
    }

    @Test func sharingTheRowsNamesLeavesTheFactsEqual() {
        let row = ["a.example.com", "www.a.example.com"]
        let sans = row.map { SubjectAltName(.dns, String(decoding: Array($0.utf8), as: UTF8.self)) }
        let original = Self.facts(subject: "CN=a.example.com", commonNames: ["a.example.com"], sans: sans)
        var shared = original
        shared.shareNames(array: row) { $0 }
        #expect(Self.storage(shared.dnsNames) == Self.storage(row))
        #expect(shared == original && shared.hashValue == original.hashValue)
        #expect(shared.commonNames == ["a.example.com"] && shared.subject == "CN=a.example.com")
    }
}
