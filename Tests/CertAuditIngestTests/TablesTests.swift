import CertAuditCSV
import CertAuditCore
import Foundation
import Testing

@testable import CertAuditIngest

struct TablesTests {
    /// Runs `body` on the path of `text` written to a new folder, and removes the folder when `body`
    /// returns or throws: each run of the tests otherwise left some 30 folders in the temporary folder.
    static func withFile<Result>(_ text: String, _ body: (String) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("certificates.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    static func certificates(_ text: String) throws -> TableReadResult<CertificateRecord> {
        let result = try withFile(text) { path in
            try CertificatesTable.read(path: path, inputName: "certificates.csv", encoding: .auto, timeZone: .shanghai)
        }
        #expect(result.summary.rows == result.summary.accepted + result.summary.quarantined)
        #expect(result.summary.accepted == result.records.count)
        return result
    }

    @Test(arguments: ["certificate_id,alias", "Certificate ID,Alias", "CertificateId,Alias", "CERTIFICATE-ID,alias"])
    func headerSpellings(_ header: String) throws {
        let result = try Self.certificates("\(header)\nc1,主站\n")
        #expect(result.records.map(\.id) == ["c1"])
        #expect(result.records.first?.alias == "主站")
    }

    @Test func apiSpellingsAreRead() throws {
        let result = try Self.certificates(
            "CertificateId,From,Status,IsSM,IsWildcard,IsPackage,AutoRenewFlag,CertEndTime,OwnerUin,Repeatable\n"
                + "a,trustasia,1,false,true,true,1,2025-02-26 07:59:59,100001,true\n"
                + "b,upload,3,true,false,false,0,2026-01-01,100002,false\n")
        #expect(result.quarantine.isEmpty)
        let (a, b) = (result.records[0], result.records[1])
        #expect(a.source == .issued && a.issuingCA == "trustasia")
        #expect(a.status == .issued && a.standard == .international && a.domainType == .wildcard)
        #expect(a.payment == .points && a.autoRenew == true && a.allowDuplicate == true && a.accountID == "100001")
        #expect(a.claimedNotAfter?.description == "2025-02-25T23:59:59Z")
        #expect(b.source == .uploaded && b.status == .expired && b.standard == .sm2 && b.payment == .balance)
    }

    @Test func unknownColumnsAreNotedOnce() throws {
        let result = try Self.certificates("certificate_id,colour,size\nc1,red,9\nc2,blue,3\n")
        #expect(result.summary.notes == ["unknown columns kept out of the checks: colour, size"])
    }

    @Test func aMissingRequiredColumnNamesFileAndColumn() throws {
        let error = #expect(throws: InputFileError.self) { _ = try Self.certificates("alias\nx\n") }
        #expect(error.map(String.init(describing:)) == "certificates.csv: required column 'certificate_id' is missing")
    }

    @Test func aDuplicatedHeaderIsAFileError() throws {
        let error = #expect(throws: InputFileError.self) {
            _ = try Self.certificates("certificate_id,alias,Alias\nc,a,b\n")
        }
        #expect(error.map { String(describing: $0).contains("duplicates") } == true)
    }

    /// Only a malformed row is quarantined: wrong field count, no ID, an ID seen before, or a bad
    /// not_after on a row without a bundle (no expiry left to audit).
    @Test func onlyMalformedRowsAreQuarantinedWithTheirLine() throws {
        let result = try Self.certificates(
            """
            certificate_id,status,not_after,auto_renew,source,tags,package_type
            good,issued,2026-12-01,yes,issued,env=prod,
            bad-date,issued,2026-02-30,,,,
            short,issued
            ,issued,,,,,
            good,issued,,,,,

            """)
        #expect(result.records.map(\.id) == ["good"])
        let byLine = Dictionary(uniqueKeysWithValues: result.quarantine.map { ($0.line, $0) })
        #expect(byLine[3]?.column == 3 && byLine[3]?.reason.contains("2026-02-30") == true)
        #expect(byLine[3]?.reason.contains("no expiry") == true)
        #expect(byLine[4]?.reason == "row has 2 fields, the header has 7")
        #expect(byLine[5]?.reason.contains("certificate_id is required") == true)
        #expect(byLine[6]?.reason.contains("already appears on line 2") == true)
        #expect(result.quarantine.count == 4)
        #expect(byLine[3]?.certificateID == "bad-date")
        #expect(result.badValues.isEmpty)
    }

    /// A bad value in a field the row can do without keeps the row: the field is not given, and the
    /// bad value names its line, field, column, value and reason.
    @Test func eachKindOfBadValueKeepsItsRow() throws {
        let result = try Self.certificates(
            """
            certificate_id,status,not_after,auto_renew,source,tags,package_type,bundle
            bad-status,shiny,,,,,,
            bad-bool,,,perhaps,,,,
            bad-source,,,,from <space>,,,
            bad-tags,,,,,novalue,,
            bad-code,,,,,,999,
            bad-expiry,,2026-02-30,,,,,a/b.pem

            """)
        #expect(
            result.records.map(\.id) == ["bad-status", "bad-bool", "bad-source", "bad-tags", "bad-code", "bad-expiry"])
        #expect(result.quarantine.isEmpty)
        #expect(result.records[0].status == nil && result.records[1].autoRenew == nil)
        #expect(result.records[2].source == .issued && result.records[3].tags.isEmpty)
        #expect(result.records[4].packageType == nil && result.records[5].claimedNotAfter == nil)
        let found = result.badValues.map {
            "\($0.line) \($0.field) \($0.column.name) \($0.value) \($0.certificateID ?? "")"
        }
        #expect(
            found == [
                "2 2 status shiny bad-status", "3 4 auto_renew perhaps bad-bool",
                "4 5 source from <space> bad-source", "5 6 tags novalue bad-tags", "6 7 package_type 999 bad-code",
                "7 3 not_after 2026-02-30 bad-expiry",
            ])
        #expect(result.badValues[0].reason.contains("not a known state name"))
        #expect(result.summary.rows == 6 && result.summary.accepted == 6)
    }

    @Test func packageTypeFillsTheProductAndRecordsConflicts() throws {
        let result = try Self.certificates("certificate_id,package_type,brand,product\nok,2,,\nclash,2,GeoTrust,EV\n")
        #expect(result.records.count == 2)
        let ok = result.records[0]
        #expect(ok.brand == "TrustAsia" && ok.product == .dvFree && ok.domainType == .single)
        #expect(ok.packageTypeConflicts.isEmpty)
        #expect(result.records[1].packageTypeConflicts.count == 2)
    }

    @Test func resourcesAreTypedAndUnknownTypesKept() throws {
        let result = try Self.withFile(
            "resource_id,resource_type,region,certificate_id,domain\nlb-1,clb,ap-guangzhou,c1,a.com\nx-1,Quantum,,c2,\n"
        ) { path in
            try ResourcesTable.read(path: path, inputName: "resources.csv", encoding: .auto, timeZone: .shanghai)
        }
        #expect(result.records.map(\.type.name) == ["CLB", "Quantum"])
        #expect(result.records.map(\.type.isKnown) == [true, false])
        #expect(result.records[0].certificateID == "c1" && result.records[1].domain == nil)
        #expect(result.summary.rows == 2 && result.summary.accepted == 2)
        #expect(result.summary.notes == ["unknown resource types kept as given: Quantum"])
    }
}
