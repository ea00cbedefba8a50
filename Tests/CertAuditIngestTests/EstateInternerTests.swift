import CertAuditCore
import Testing

@testable import CertAuditIngest

/// The interner makes equal values share one storage, keeps every value equal to what it was given,
/// and picks the first occurrence as the canonical one.
struct EstateInternerTests {
    /// A new heap copy of `text` each call, so equal values start out in different storages.
    static func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    /// Where a value's bytes live (nil for a `String` held inline): equal values share one storage
    /// when these are equal. The ingest's other sharing tests read it too.
    static func storage(_ text: String?) -> UInt? {
        text?.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
    }

    static func storage<Element>(_ list: [Element]?) -> UInt? {
        list?.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    static func facts(_ name: String, issuer: String = "CN=Example Intermediate CA G2,O=Example Ltd,C=CN")
        -> CertificateFacts
    {
        CertificateFacts(
            subject: fresh("CN=\(name),O=Example Ltd,C=CN"), issuer: fresh(issuer),
            serialHex: fresh("0A1B2C3D4E5F60718293"),
            notBefore: Instant(secondsSinceEpoch: 1_700_000_000), notAfter: Instant(secondsSinceEpoch: 1_800_000_000),
            commonNames: [fresh(name)], subjectAltNames: [SubjectAltName(.dns, fresh(name))],
            publicKey: PublicKeyFacts(algorithm: .ec, bits: 256, curve: fresh("brainpoolP256r1-like")),
            signatureAlgorithm: fresh("sha256WithRSAEncryption"),
            fingerprintSHA256: fresh("fingerprint-of-" + name),
            basicConstraints: nil, keyUsage: [fresh("digitalSignature"), fresh("keyEncipherment")],
            extendedKeyUsage: [fresh("serverAuth"), fresh("clientAuth")], subjectKeyID: fresh(name + "-subject-key-id"),
            authorityKeyID: fresh("intermediate-authority-key-id"), isSelfIssued: false)
    }

    static func bundle(_ leaf: String, intermediates: [String]) -> BundleFacts {
        BundleFacts(
            leaf: facts(leaf), others: intermediates.map { facts($0, issuer: "CN=Example Root CA,O=Example Ltd") },
            isInChainOrder: true, key: .absent,
            chain: ChainVerdict(
                status: .incomplete, length: 2, detail: fresh("unable to get local issuer certificate")))
    }

    static func certificate(_ id: String, leaf: String, intermediates: [String]) -> Certificate {
        var record = CertificateRecord(line: 2, id: id)
        record.tags = [Tag(key: fresh("environment-name"), value: fresh("production-mainland"))]
        record.claimedSANs = [fresh(leaf)]
        return Certificate(record: record, bundle: bundle(leaf, intermediates: intermediates))
    }

    /// A resource's long domain shares its certificate's string: the claimed domain, else the claimed
    /// SAN it equals; any other domain, and one on a resource naming no known certificate, is left
    /// alone, and every domain reads as it was.
    @Test func aResourcesDomainSharesItsCertificatesString() {
        var record = CertificateRecord(line: 2, id: "c1")
        record.claimedDomain = Self.fresh("portal.first-example.com")
        record.claimedSANs = [Self.fresh("portal.first-example.com"), Self.fresh("www.first-example.com")]
        let certificates = [Certificate(record: record)]
        let type = ResourceType("CDN")
        var resources = [
            ResourceRecord(
                line: 2, id: "r1", type: type, certificateID: "c1", domain: Self.fresh("portal.first-example.com")),
            ResourceRecord(
                line: 3, id: "r2", type: type, certificateID: "c1", domain: Self.fresh("www.first-example.com")),
            ResourceRecord(
                line: 4, id: "r3", type: type, certificateID: "c1", domain: Self.fresh("api.first-example.com")),
            ResourceRecord(
                line: 5, id: "r4", type: type, certificateID: "c9", domain: Self.fresh("www.first-example.com")),
        ]
        let before = resources
        EstateInterner.shareDomains(of: &resources, with: certificates)
        #expect(resources == before)
        #expect(Self.storage(resources[0].domain) == Self.storage(record.claimedDomain))
        #expect(Self.storage(resources[1].domain) == Self.storage(record.claimedSANs?[1]))
        #expect(Self.storage(resources[2].domain) == Self.storage(before[2].domain))
        #expect(Self.storage(resources[3].domain) == Self.storage(before[3].domain))
    }

    @Test func internedValuesAreEqualToTheOriginals() {
        var interner = EstateInterner()
        let original = Self.certificate("a", leaf: "www.first-example.com", intermediates: ["intermediate-ca-one"])
        #expect(interner.intern(original) == original)
    }

    @Test func equalStringsShareOneStorageTheFirstOne() {
        var interner = EstateInterner()
        let first = Self.facts("www.first-example.com")
        let second = Self.facts("www.second-example.com")
        #expect(Self.storage(first.issuer) != Self.storage(second.issuer))
        let a = interner.intern(first)
        let b = interner.intern(second)
        #expect(Self.storage(a.issuer) == Self.storage(first.issuer))
        #expect(Self.storage(b.issuer) == Self.storage(first.issuer))
        #expect(Self.storage(b.signatureAlgorithm) == Self.storage(a.signatureAlgorithm))
        #expect(Self.storage(b.publicKey.curve) == Self.storage(a.publicKey.curve))
        #expect(Self.storage(b.authorityKeyID) == Self.storage(a.authorityKeyID))
        // What is the certificate's own is left alone (the key ID is spooled text, read anew).
        #expect(a.subjectKeyID == first.subjectKeyID && b.subjectKeyID == second.subjectKeyID)
        #expect(a.subjectKeyID != nil && a.subjectKeyID != b.subjectKeyID)
    }

    @Test func leavesIssuedAlikeShareOneProfileBox() {
        var interner = EstateInterner()
        let first = Self.facts("www.first-example.com")
        var larger = Self.facts("www.third-example.com")
        larger.publicKey.bits = 384
        #expect(first.profile !== Self.facts("www.second-example.com").profile)
        let a = interner.intern(first)
        let b = interner.intern(Self.facts("www.second-example.com"))
        let c = interner.intern(larger)
        #expect(b.profile === a.profile)
        #expect(c.profile !== a.profile && c.publicKey.bits == 384 && c.issuer == a.issuer)
        #expect(Self.storage(c.issuer) == Self.storage(a.issuer))
        // What is the certificate's own stays its own.
        #expect(b.subject != a.subject && b.fingerprint != a.fingerprint)
    }

    @Test func equalKeyUsageListsShareOneArray() {
        var interner = EstateInterner()
        let a = interner.intern(Self.facts("www.first-example.com"))
        let b = interner.intern(Self.facts("www.second-example.com"))
        #expect(Self.storage(b.keyUsage) == Self.storage(a.keyUsage))
        #expect(Self.storage(b.extendedKeyUsage) == Self.storage(a.extendedKeyUsage))
    }

    @Test func bundlesWithTheSameIntermediatesShareOneOthersArray() throws {
        var interner = EstateInterner()
        let row = CertificateRecord(line: 2, id: "a")
        let one = interner.intern(
            Self.bundle("www.first-example.com", intermediates: ["intermediate-ca-one"]), row: row)
        let two = interner.intern(
            Self.bundle("www.second-example.com", intermediates: ["intermediate-ca-one"]), row: row)
        let other = interner.intern(
            Self.bundle("www.third-example.com", intermediates: ["intermediate-ca-two"]), row: row)
        #expect(Self.storage(two.others) == Self.storage(one.others))
        #expect(Self.storage(other.others) != Self.storage(one.others))
        #expect(two.others == one.others && other.others != one.others)
        #expect(Self.storage(two.chain.detail) == Self.storage(one.chain.detail))
    }

    @Test func equalTagListsShareOneArray() {
        var interner = EstateInterner()
        let a = interner.intern(Self.certificate("a", leaf: "www.first-example.com", intermediates: []))
        let b = interner.intern(Self.certificate("b", leaf: "www.second-example.com", intermediates: []))
        #expect(Self.storage(b.record.tags) == Self.storage(a.record.tags))
        #expect(Self.storage(b.record.tags.first?.value) == Self.storage(a.record.tags.first?.value))
    }

    @Test func aLeafSharesItsRowsSANStrings() throws {
        var interner = EstateInterner()
        let original = Self.certificate("a", leaf: "www.first-example.com", intermediates: [])
        let certificate = interner.intern(original)
        let claimed = try #require(certificate.record.claimedSANs?.first)
        let leaf = try #require(certificate.leaf)
        #expect(Self.storage(original.leaf?.subjectAltNames.first?.value) != Self.storage(claimed))
        #expect(Self.storage(leaf.subjectAltNames.first?.value) == Self.storage(claimed))
        #expect(Self.storage(leaf.commonNames.first) == Self.storage(claimed))
    }

    /// The leaf's SANs, all DNS names and exactly the row's `sans`, are the row's array itself, and
    /// its common name, the first of them, is read from it: no heap block of the leaf's own for either.
    @Test func aLeafSharesItsRowsSANArray() throws {
        var interner = EstateInterner()
        var original = Self.certificate("a", leaf: "first-example.com", intermediates: [])
        original.bundle?.leaf.subjectAltNames = [
            SubjectAltName(.dns, Self.fresh("first-example.com")),
            SubjectAltName(.dns, Self.fresh("www.first-example.com")),
        ]
        original.record.claimedSANs = [Self.fresh("first-example.com"), Self.fresh("www.first-example.com")]
        let certificate = interner.intern(original)
        #expect(certificate == original)
        let leaf = try #require(certificate.leaf)
        #expect(Self.storage(original.leaf?.dnsNames) != Self.storage(original.record.claimedSANs))
        #expect(Self.storage(leaf.dnsNames) == Self.storage(certificate.record.claimedSANs))
        #expect(leaf.commonNames == ["first-example.com"])
        #expect(Self.storage(leaf.commonNames.first) == Self.storage(certificate.record.claimedSANs?.first))
    }

    /// A leaf name spelled in other bytes than the row's (a decomposed é against a composed one,
    /// equal to Swift's `==`) keeps its own bytes: the reports write what the certificate holds.
    @Test func aLeafNameInOtherBytesThanTheRowsKeepsThem() throws {
        var interner = EstateInterner()
        let composed = "caf\u{E9}.a-long-name.example.com"
        let decomposed = "cafe\u{301}.a-long-name.example.com"
        var original = Self.certificate("a", leaf: decomposed, intermediates: [])
        original.record.claimedSANs = [composed]
        original.record.claimedDomain = composed
        let leaf = try #require(interner.intern(original).leaf)
        #expect(leaf.dnsNames.map { Array($0.utf8) } == [Array(decomposed.utf8)])
        #expect(leaf.commonNames.map { Array($0.utf8) } == [Array(decomposed.utf8)])
    }

    @Test func aRowsSANSharesItsDomainsString() throws {
        var interner = EstateInterner()
        var original = Self.certificate("a", leaf: "www.first-example.com", intermediates: [])
        original.record.claimedDomain = Self.fresh("www.first-example.com")
        original.record.claimedSANs = [Self.fresh("first-example.com"), Self.fresh("www.first-example.com")]
        let certificate = interner.intern(original)
        #expect(certificate == original)
        let sans = try #require(certificate.record.claimedSANs)
        #expect(Self.storage(original.record.claimedSANs?[1]) != Self.storage(original.record.claimedDomain))
        #expect(Self.storage(sans[1]) == Self.storage(certificate.record.claimedDomain))
        #expect(Self.storage(certificate.leaf?.commonNames.first) == Self.storage(certificate.record.claimedDomain))
    }

    /// A leaf is its row's own, not kept for another row to share (the table would hold every leaf of
    /// the estate): the same certificate in two rows comes out equal in both, each sharing its own
    /// row's strings, while what the rows repeat is still one storage.
    @Test func aLeafListedTwiceIsEachRowsOwn() throws {
        var interner = EstateInterner()
        let first = interner.intern(Self.certificate("a", leaf: "www.first-example.com", intermediates: ["ca-one"]))
        let second = interner.intern(Self.certificate("b", leaf: "www.first-example.com", intermediates: ["ca-one"]))
        let firstLeaf = try #require(first.leaf)
        let secondLeaf = try #require(second.leaf)
        #expect(firstLeaf == secondLeaf)
        #expect(Self.storage(firstLeaf.commonNames.first) == Self.storage(first.record.claimedSANs?.first))
        #expect(Self.storage(secondLeaf.commonNames.first) == Self.storage(second.record.claimedSANs?.first))
        #expect(Self.storage(secondLeaf.commonNames.first) != Self.storage(firstLeaf.commonNames.first))
        #expect(Self.storage(secondLeaf.issuer) == Self.storage(firstLeaf.issuer))
        #expect(Self.storage(second.bundle?.others) == Self.storage(first.bundle?.others))
    }

    /// A bundle may serve as its leaf a certificate another bundle holds as an intermediate: the leaf
    /// is then that one shared value.
    @Test func aLeafSeenAsAnIntermediateSharesIt() throws {
        var interner = EstateInterner()
        let row = CertificateRecord(line: 2, id: "a")
        let bundle = interner.intern(Self.bundle("www.first-example.com", intermediates: ["ca-one"]), row: row)
        var served = Self.bundle("ca-one", intermediates: [])
        served.leaf = Self.facts("ca-one", issuer: "CN=Example Root CA,O=Example Ltd")
        let interned = interner.intern(served, row: row)
        #expect(interned.leaf == bundle.others[0])
        #expect(Self.storage(interned.leaf.subject) == Self.storage(bundle.others[0].subject))
    }

    /// The earliest-expiring certificate is a place in the bundle, which interning leaves as it was;
    /// the unused certificates read back as they were.
    @Test func theChainsFingerprintsReadBackAfterInterning() throws {
        var interner = EstateInterner()
        var bundle = Self.bundle("www.first-example.com", intermediates: ["intermediate-ca-one"])
        bundle.chain.earliestExpiringPlace = 1
        bundle.chain.unusedCertificates = [Self.fresh(bundle.others[0].fingerprintSHA256)]
        let interned = interner.intern(bundle, row: CertificateRecord(line: 2, id: "a"))
        #expect(interned.earliestExpiring == interned.others[0])
        #expect(interned.chain.unusedCertificates == [interned.others[0].fingerprintSHA256])
    }

    /// Chains that fail alike share one box of remarks (OpenSSL's message, the certificates off the
    /// path); a verdict with other remarks keeps its own, and one with none has no box.
    @Test func chainsThatFailAlikeShareTheirRemarks() throws {
        var interner = EstateInterner()
        var first = Self.bundle("www.first-example.com", intermediates: ["intermediate-ca-one"])
        first.chain.detail = Self.fresh("unable to get local issuer certificate")
        var second = Self.bundle("www.second-example.com", intermediates: ["intermediate-ca-one"])
        second.chain.detail = Self.fresh("unable to get local issuer certificate")
        var third = second
        third.chain.detail = Self.fresh("certificate signature failure")
        let row = CertificateRecord(line: 2, id: "a")
        let (a, b, c) = (
            interner.intern(first, row: row), interner.intern(second, row: row), interner.intern(third, row: row)
        )
        let (boxA, boxB, boxC) = (
            try #require(a.chain.remarks), try #require(b.chain.remarks), try #require(c.chain.remarks)
        )
        #expect(boxA === boxB && boxA !== boxC)
        #expect(
            b.chain.detail == "unable to get local issuer certificate"
                && c.chain.detail == "certificate signature failure")
        var clean = Self.bundle("www.third-example.com", intermediates: [])
        clean.chain.detail = nil
        #expect(clean.chain.remarks == nil)
        #expect(interner.intern(clean, row: row).chain.remarks == nil)
    }

    /// Bundles that conclude the same (order, key, verdict, unread parts) share one box of
    /// conclusions, whatever their certificates; one that differs in any of them keeps its own, and a
    /// key's problem spelled with other bytes (though `==` to Swift) is not swapped for another's.
    @Test func bundlesThatConcludeAlikeShareOneBox() throws {
        var interner = EstateInterner()
        let row = CertificateRecord(line: 2, id: "a")
        let first = Self.bundle("www.first-example.com", intermediates: ["intermediate-ca-one"])
        let second = Self.bundle("www.second-example.com", intermediates: [])
        let (a, b) = (interner.intern(first, row: row), interner.intern(second, row: row))
        #expect(a.conclusions === b.conclusions && a.leaf != b.leaf)
        var differing: [BundleFacts] = Array(repeating: second, count: 5)
        differing[0].isInChainOrder.toggle()
        differing[1].key = PrivateKeyStatus(present: true, matchesLeaf: true, algorithm: .rsa)
        differing[2].chain.earliestExpiringPlace = 1
        differing[3].unreadParts = ["keystore.jks: JKS keystore (listed, not parsed)"]
        differing[4].key.problem = Self.spellings.composed
        let boxes = differing.map { interner.intern($0, row: row).conclusions }
        for (box, bundle) in zip(boxes, differing) {
            #expect(box !== a.conclusions && box.value == bundle.conclusions.value)
        }
        var decomposed = second
        decomposed.key.problem = Self.spellings.decomposed
        let interned = interner.intern(decomposed, row: row)
        #expect(interned.conclusions !== boxes[4])
        #expect(Self.bytes(interned.key.problem) == Self.bytes(Self.spellings.decomposed))
        var again = second
        again.key.problem = Self.fresh(Self.spellings.composed)
        #expect(interner.intern(again, row: row).conclusions === boxes[4])
    }

    /// Rows with the same brand, project or account, short or long, share one box of it; a text
    /// spelled with other bytes (though `==` to Swift) keeps its own.
    @Test func rowsShareTheBoxesOfTheirRepeatedTexts() {
        var interner = EstateInterner()
        let short = interner.intern(OutOfLine(Self.fresh("TrustAsia")))
        #expect(interner.intern(OutOfLine(Self.fresh("TrustAsia"))) === short)
        let composed = interner.intern(OutOfLine(Self.spellings.composed))
        let decomposed = interner.intern(OutOfLine(Self.spellings.decomposed))
        #expect(composed !== decomposed && Self.bytes(decomposed.value) == Self.bytes(Self.spellings.decomposed))
        #expect(interner.intern(OutOfLine(Self.fresh(Self.spellings.composed))) === composed)
        var rows = (1...2).map { CertificateRecord(line: $0 + 1, id: "row-\($0)") }
        for index in rows.indices {
            (rows[index].brand, rows[index].project) = (Self.fresh("TrustAsia"), Self.fresh(Self.spellings.composed))
            rows[index] = interner.intern(rows[index])
        }
        #expect(Self.storage(rows[0].project) == Self.storage(rows[1].project))
        #expect(rows.allSatisfy { $0.brand == "TrustAsia" && $0.accountID == nil })
    }

    /// A decomposed é ("e" and a combining accent) and a composed one: equal to Swift's `==`, not
    /// the same bytes.
    static let spellings = (composed: "Caf\u{E9} Holdings Production", decomposed: "Cafe\u{301} Holdings Production")

    static func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }

    /// Each row keeps the bytes it was read with: a later row's value is never swapped for an
    /// earlier row's canonically equivalent spelling (the reports write what the inventory holds).
    @Test func rowValuesInOtherBytesThanAnEarlierRowsKeepThem() {
        var interner = EstateInterner()
        let (composed, decomposed) = Self.spellings
        #expect(composed == decomposed)
        var first = CertificateRecord(line: 2, id: "a")
        first.alias = composed
        first.tags = [Tag(key: composed, value: composed)]
        first.packageTypeConflicts = [composed]
        var second = CertificateRecord(line: 3, id: "b")
        second.alias = decomposed
        second.tags = [Tag(key: decomposed, value: decomposed)]
        second.packageTypeConflicts = [decomposed]
        _ = interner.intern(first)
        let interned = interner.intern(second)
        #expect(Self.bytes(interned.alias) == Self.bytes(decomposed))
        #expect(
            interned.tags.map { [Array($0.key.utf8), Array($0.value.utf8)] } == [
                [Array(decomposed.utf8), Array(decomposed.utf8)]
            ])
        #expect(interned.packageTypeConflicts.map { Array($0.utf8) } == [Array(decomposed.utf8)])
        // The same bytes are still shared.
        var third = CertificateRecord(line: 4, id: "c")
        third.alias = Self.fresh(decomposed)
        #expect(Self.storage(interner.intern(third).alias) == Self.storage(interned.alias))
    }

    /// An issuer spelled in other bytes than an earlier leaf's is a profile of its own.
    @Test func aProfileInOtherBytesThanAnEarliersKeepsThem() {
        var interner = EstateInterner()
        let (composed, decomposed) = Self.spellings
        let first = interner.intern(Self.facts("www.first-example.com", issuer: "CN=" + composed))
        let second = interner.intern(Self.facts("www.second-example.com", issuer: "CN=" + decomposed))
        #expect(first.profile !== second.profile)
        #expect(Self.bytes(second.issuer) == Self.bytes("CN=" + decomposed))
        #expect(Self.bytes(first.issuer) == Self.bytes("CN=" + composed))
    }
}
