import Testing

@testable import CertAuditCore

/// `CertificateRecord` packs its dates and keeps the columns most rows leave empty out of line (a
/// million rows live through every stage), and still behaves as a value: what is set reads back,
/// copies are independent, and equality and hashing go by the fields, not by the storage.
struct CertificateRecordStorageTests {
    @Test func aRowTakesUnderHalfItsFormerSize() {
        // 424 bytes before the uncommon columns moved out of line and the dates were packed; 184
        // before the brand, project and account were boxed and the yes/no columns packed.
        #expect(MemoryLayout<CertificateRecord>.size <= 152)
        #expect(MemoryLayout<Certificate>.stride <= 168)
    }

    /// Each yes/no column holds yes, no or unset on its own: setting one leaves the others as they
    /// were, and records compare by them.
    @Test func theYesNoColumnsHoldThreeStatesEachOnTheirOwn() {
        let fields: [WritableKeyPath<CertificateRecord, Bool?>] = [
            \.autoRenew, \.dnsOnPlatform, \.validationReady, \.ignored, \.allowDownload, \.allowDuplicate, \.free,
        ]
        var record = CertificateRecord(line: 2, id: "c1")
        var expected: [Bool?] = Array(repeating: nil, count: fields.count)
        // Every field through every state, twice over, the others holding what was set before.
        for round in 0..<2 {
            for (field, path) in fields.enumerated() {
                for value in [true, false, nil, round == 0 ? field % 2 == 0 : nil] as [Bool?] {
                    record[keyPath: path] = value
                    expected[field] = value
                    #expect(fields.map { record[keyPath: $0] } == expected)
                }
            }
        }
        var twin = CertificateRecord(line: 2, id: "c1")
        for (field, value) in zip(fields, expected) { twin[keyPath: field] = value }
        #expect(twin == record && twin.hashValue == record.hashValue)
        twin[keyPath: fields[0]] = expected[0] == true ? false : true
        #expect(twin != record)
    }

    @Test func triStateFlagsReadBackEveryStateAtEveryIndex() {
        for index in 0..<TriStateFlags.capacity {
            for value in [true, false, nil] as [Bool?] {
                var flags = TriStateFlags()
                for other in 0..<TriStateFlags.capacity where other != index { flags[other] = other % 2 == 0 }
                flags[index] = value
                #expect(flags[index] == value)
                for other in 0..<TriStateFlags.capacity where other != index {
                    #expect(flags[other] == (other % 2 == 0))
                }
            }
        }
        #expect(MemoryLayout<TriStateFlags>.size == 2)
    }

    /// The brand, project and account are boxes the ingest swaps for shared ones; a row without
    /// one has no box to swap.
    @Test func theBoxedTextsAreSwappedForSharedOnes() {
        var record = CertificateRecord(line: 2, id: "c1")
        (record.brand, record.project, record.accountID) = ("TrustAsia", "default", nil)
        let shared = OutOfLine("TrustAsia")
        var seen: [String] = []
        record.shareTexts { box in
            seen.append(box.value)
            return box.value == "TrustAsia" ? shared : box
        }
        #expect(seen == ["TrustAsia", "default"])
        #expect(record.storedBrand === shared && record.storedAccountID == nil)
        #expect(record.brand == "TrustAsia" && record.project == "default" && record.accountID == nil)
        var copy = record
        copy.brand = "GeoTrust"
        #expect(record.brand == "TrustAsia" && shared.value == "TrustAsia" && copy.brand == "GeoTrust")
    }

    @Test func everyUncommonFieldReadsBackWhatWasSet() {
        var record = CertificateRecord(line: 7, id: "c1")
        let day = Instant(secondsSinceEpoch: 1_790_000_000)
        record.issuingCA = "DigiCert"
        record.encBundle = "sm2/enc.pem"
        record.encKey = "sm2/enc.key"
        record.passwordFile = "p12/c1.pass"
        record.submittedAt = day
        record.letterUploadedAt = day + 1
        record.autoRenewEnabledOn = day + 2
        record.ignoredSince = day + 3
        record.reissueOf = "c0"
        record.reissueCount = 2
        record.renewalOf = "c-old"
        record.companyValidatedOn = day + 4
        record.packageTypeConflicts = ["brand: GeoTrust ≠ TrustAsia"]
        #expect(record.issuingCA == "DigiCert" && record.encBundle == "sm2/enc.pem" && record.encKey == "sm2/enc.key")
        #expect(record.passwordFile == "p12/c1.pass" && record.reissueOf == "c0" && record.reissueCount == 2)
        #expect(record.renewalOf == "c-old" && record.packageTypeConflicts == ["brand: GeoTrust ≠ TrustAsia"])
        #expect(record.submittedAt == day && record.letterUploadedAt == day + 1 && record.autoRenewEnabledOn == day + 2)
        #expect(record.ignoredSince == day + 3 && record.companyValidatedOn == day + 4)
    }

    /// The bundle and key paths live in the text spool: they read back as set, and records compare
    /// and hash by the paths, wherever in the spool each copy lies.
    @Test func theSpooledPathsReadBackAndCompareByText() {
        var record = CertificateRecord(line: 2, id: "c1")
        #expect(record.bundle == nil && record.key == nil && !record.namesBundle)
        record.bundle = "0000/c1.pem"
        record.key = "keys/证书 c1.key"
        #expect(record.bundle == "0000/c1.pem" && record.key == "keys/证书 c1.key" && record.namesBundle)
        var twin = CertificateRecord(line: 2, id: "c1")
        twin.bundle = "0000/c1.pem"
        twin.key = "keys/证书 c1.key"
        #expect(twin == record && twin.hashValue == record.hashValue)
        twin.key = "keys/c2.key"
        #expect(twin != record)
        record.bundle = nil
        #expect(record.bundle == nil && !record.namesBundle)
        // An empty path is a path, not none.
        record.key = ""
        #expect(record.key == "" && record.key != nil)
    }

    @Test func clearingTheUncommonFieldsGivesAnEqualRecord() {
        let plain = CertificateRecord(line: 3, id: "c1")
        var record = plain
        record.reissueOf = "c0"
        record.companyValidatedOn = Instant(secondsSinceEpoch: 0)
        #expect(record != plain)
        record.reissueOf = nil
        record.companyValidatedOn = nil
        #expect(record == plain)
        #expect(record.hashValue == plain.hashValue)
    }

    @Test func copiesAreIndependent() {
        var original = CertificateRecord(line: 3, id: "c1")
        original.renewalOf = "c0"
        var copy = original
        copy.renewalOf = "c9"
        copy.claimedNotAfter = Instant(secondsSinceEpoch: -86_400)
        #expect(original.renewalOf == "c0" && original.claimedNotAfter == nil)
        #expect(copy.renewalOf == "c9" && copy.claimedNotAfter == Instant(secondsSinceEpoch: -86_400))
    }

    @Test func datesAndLinesRoundTrip() {
        var record = CertificateRecord(line: 1, id: "c1")
        for seconds: Int64 in [0, -1, 1, Int64.max, Int64.min + 1] {
            record.issuedAt = Instant(secondsSinceEpoch: seconds)
            #expect(record.issuedAt?.secondsSinceEpoch == seconds)
        }
        record.issuedAt = nil
        #expect(record.issuedAt == nil)
        record.line = 4_000_000_000
        #expect(record.line == 4_000_000_000)
    }
}
