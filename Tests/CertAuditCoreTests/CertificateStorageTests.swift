import Testing

@testable import CertAuditCore

/// `Certificate.bundle` and `encryption` live out of line (a copy of a certificate moves two pointers,
/// not two `BundleFacts`) and still behave as values: copies are independent, equality and hashing go
/// by the facts.
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

    @Test func eachBundleCostsTheCertificateAPointer() {
        #expect(
            MemoryLayout<Certificate>.stride <= MemoryLayout<CertificateRecord>.stride + 2 * MemoryLayout<Int>.stride)
    }

    /// Every certificate of a large estate holds its leaf's facts and a chain verdict, and every
    /// finding and event is kept until the reports are written: their fields are laid out so that
    /// the narrow ones sit in what would be padding. The facts hold a leaf's fingerprint and serial
    /// as bytes (`HexText`, 34 bytes each inline, no heap block), after the word-sized fields, and
    /// the key ID in the text spool (8 bytes); the verdict packs its place and length. A finding's
    /// message and an event's detail are 8 bytes in the text spool, the severity's and the kind's
    /// byte after them, and a finding's rule (two bytes, `RuleID`) after its severity.
    @Test func factsFindingsAndEventsAreLaidOutWithoutPadding() {
        #expect(MemoryLayout<CertificateFacts>.size <= 153)
        #expect(MemoryLayout<ChainVerdict>.size <= 15)
        #expect(MemoryLayout<PrivateKeyStatus>.size <= 12)
        #expect(MemoryLayout<Finding>.stride <= 56)
        #expect(MemoryLayout<TimelineEvent>.stride <= 56)
    }

    /// Each certificate's `BundleFacts` is one heap block: the box's 16-byte header and the value.
    /// mimalloc (the executable's allocator) serves a request from the next of its size classes,
    /// 192 then 224 bytes here: at 193 bytes or more the block would take 32 bytes more, 31 MiB at a
    /// million certificates.
    @Test func aBundlesBoxFitsMimallocs192ByteSizeClass() {
        let header = 2 * MemoryLayout<Int>.size
        #expect(header + MemoryLayout<BundleFacts>.size <= 192)
    }

    /// The verdict's packed fields read back what was set, absent ones included.
    @Test func aChainVerdictsPackedFieldsReadBackWhatWasSet() {
        var verdict = ChainVerdict(status: .complete, length: 3, earliestExpiringPlace: 2)
        #expect(verdict.length == 3)
        #expect(verdict.earliestExpiringPlace == 2 && verdict.status == .complete)
        verdict.length = Int(UInt16.max) + 1
        #expect(verdict.length == Int(UInt16.max))
        for held in [0, Int(UInt16.max), Int(UInt32.max) - 1] {
            verdict.earliestExpiringPlace = held
            #expect(verdict.earliestExpiringPlace == held)
        }
        for unheld in [Int(UInt32.max), -1, nil] {
            verdict.earliestExpiringPlace = unheld
            #expect(verdict.earliestExpiringPlace == nil)
        }
        #expect(ChainVerdict.notChecked.earliestExpiringPlace == nil)
        #expect(ChainVerdict.notChecked.length == 0)
    }

    @Test func theEncryptionBundleKeepsValueSemantics() {
        let record = CertificateRecord(line: 2, id: "sm2")
        let original = Certificate(record: record, bundle: Self.bundle("aa"), encryption: Self.bundle("bb"))
        var copy = original
        copy.bundle?.isInChainOrder = false
        #expect(original.bundle?.isInChainOrder == true && copy.bundle?.isInChainOrder == false)
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
        #expect(Certificate(record: record, bundle: Self.bundle("dd"), encryption: Self.bundle("bb")) != original)
        #expect(Certificate(record: record, encryption: Self.bundle("bb")) != original)
    }

    /// The accessors that read the box in place give what `bundle` holds, and the inventory's claims
    /// without a bundle.
    @Test func theLeafsDatesAreReadFromTheBundleOrTheRecord() {
        var bundle = Self.bundle("aa")
        var issuer = Self.bundle("bb").leaf
        issuer.notAfter = Instant(secondsSinceEpoch: 3_600)
        bundle.others = [issuer]
        bundle.chain.earliestExpiringPlace = 1
        var record = CertificateRecord(line: 2, id: "dated")
        record.claimedNotAfter = Instant(secondsSinceEpoch: 7)
        let bundled = Certificate(record: record, bundle: bundle)
        #expect(bundled.leaf == bundle.leaf)
        #expect(bundled.leafNotBefore == Instant(secondsSinceEpoch: 0))
        #expect(bundled.leafFingerprint == bundle.leaf.fingerprint)
        #expect(bundled.leafFingerprint?.text == "aa")
        #expect(bundled.keyProblem == nil)
        bundle.key = PrivateKeyStatus(present: true, problem: "no PEM block")
        #expect(Certificate(record: record, bundle: bundle).keyProblem == bundle.key.problem)
        #expect(bundle.key.problem != nil)
        #expect(bundled.notAfter == Instant(secondsSinceEpoch: 86_400))
        #expect(bundled.effectiveExpiry == Instant(secondsSinceEpoch: 3_600))
        bundle.chain.earliestExpiringPlace = nil
        #expect(Certificate(record: record, bundle: bundle).effectiveExpiry == Instant(secondsSinceEpoch: 86_400))
        #expect(bundled.hasBundle)
        let unbundled = Certificate(record: record)
        #expect(!unbundled.hasBundle)
        #expect(unbundled.leaf == nil && unbundled.leafNotBefore == nil && unbundled.leafFingerprint == nil)
        #expect(unbundled.keyProblem == nil)
        #expect(unbundled.notAfter == Instant(secondsSinceEpoch: 7))
        #expect(unbundled.effectiveExpiry == Instant(secondsSinceEpoch: 7))
    }

    /// The fields kept out of line (the unread lists, the key's problem, the chain's remarks, all in
    /// the conclusions' box) read back what was set, keep value semantics, and compare and hash by
    /// value: emptied, the facts equal ones that never had them.
    @Test func theOutOfLineFieldsReadBackAndCompareByValue() {
        let plain = Self.bundle("aa")
        var bundle = plain
        bundle.formMismatches = ["IIS: not the same certificate"]
        bundle.unreadParts = ["keystore.jks: JKS keystore (listed, not parsed)"]
        bundle.key.problem = "no PEM block"
        bundle.chain.detail = "unable to get local issuer certificate"
        bundle.chain.unusedCertificates = ["bb"]
        var copy = bundle
        copy.unreadParts = []
        copy.chain.unusedCertificates.append("cc")
        #expect(bundle.formMismatches == ["IIS: not the same certificate"])
        #expect(bundle.unreadParts == ["keystore.jks: JKS keystore (listed, not parsed)"])
        #expect(bundle.key.problem == "no PEM block" && bundle.chain.detail == "unable to get local issuer certificate")
        #expect(bundle.chain.unusedCertificates == ["bb"] && copy.chain.unusedCertificates == ["bb", "cc"])
        #expect(copy.formMismatches == bundle.formMismatches && copy.unreadParts.isEmpty && copy != bundle)
        var twin = plain
        twin.key.problem = "no PEM block"
        twin.formMismatches = ["IIS: not the same certificate"]
        twin.unreadParts = ["keystore.jks: JKS keystore (listed, not parsed)"]
        twin.chain.unusedCertificates = ["bb"]
        twin.chain.detail = "unable to get local issuer certificate"
        #expect(twin == bundle && twin.hashValue == bundle.hashValue)
        for field in 0..<4 {
            var emptied = bundle
            switch field {
            case 0: emptied.formMismatches = []
            case 1: emptied.key.problem = nil
            case 2: emptied.chain.detail = nil
            default: emptied.chain.unusedCertificates = []
            }
            #expect(emptied != bundle)
        }
        var cleared = bundle
        (cleared.formMismatches, cleared.unreadParts, cleared.key.problem) = ([], [], nil)
        (cleared.chain.detail, cleared.chain.unusedCertificates) = (nil, [])
        #expect(cleared == plain && cleared.hashValue == plain.hashValue && cleared.chain.remarks == nil)
        // A box of empty remarks, handed in whole, is held as none.
        cleared.chain.remarks = OutOfLine(ChainVerdict.Remarks())
        #expect(cleared.chain.remarks == nil && cleared == plain)
    }

    /// The earliest-expiring certificate is found by its place: the leaf, one of the others, or none
    /// for a place the bundle does not have.
    @Test func theEarliestExpiringCertificateIsFoundByItsPlace() {
        var bundle = Self.bundle("aa")
        bundle.others = [Self.bundle("bb").leaf, Self.bundle("cc").leaf]
        bundle.others[1].notAfter = Instant(secondsSinceEpoch: 60)
        let expected: [Int?: String?] = [0: "aa", 1: "bb", 2: "cc", 3: nil, nil: nil]
        for (place, fingerprint) in expected {
            bundle.chain.earliestExpiringPlace = place
            #expect(bundle.earliestExpiring?.fingerprint.text == fingerprint)
            // The chain's expiry is that certificate's notAfter.
            #expect(bundle.earliestExpiry == bundle.earliestExpiring?.notAfter)
        }
        bundle.chain.earliestExpiringPlace = 2
        #expect(bundle.earliestExpiry == Instant(secondsSinceEpoch: 60))
    }
}
