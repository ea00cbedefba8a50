import CertAuditCSV
import CertAuditCore
import Foundation
import Testing

@testable import CertAuditIngest

/// The lifecycle inputs (hosting, accounts, pricing, contacts, alert policies, operations, holidays):
/// typed, bad rows quarantined with their line, every row accounted for.
struct LifecycleTablesTests {
    static func read<Record, Column>(_ schema: TableSchema<Record, Column>, _ text: String) throws -> TableReadResult<
        Record
    > {
        let result = try TablesTests.withFile(text) { path in
            try schema.read(path: path, inputName: "input.csv", encoding: .auto, timeZone: .shanghai)
        }
        #expect(result.summary.rows == result.summary.accepted + result.summary.quarantined)
        return result
    }

    /// accepted.csv (issue 11): a row names its findings, who accepted them, why and until when, or
    /// it is quarantined with its line.
    @Test func acceptedRisks() throws {
        let result = try Self.read(
            LifecycleTables.accepted,
            """
            finding_key,rule,certificate_id,reason,accepted_by,until
            BR-SAN;c=x;a=no-san,,,legacy,王工,2027-01-31
            ,CRYPTO-WEAK-SIG,c1,old clients,李工,2026-12-31
            ,CRYPTO-WEAK-SIG,,no certificate,李工,2026-12-31
            ,,c1,no rule,李工,2026-12-31
            BR-SAN;c=x,,,,李工,2026-12-31
            BR-SAN;c=x,,,why,,2026-12-31
            BR-SAN;c=x,,,why,李工,someday

            """)
        #expect(result.records.map(\.line) == [2, 3])
        #expect(result.records[0].findingKey == FindingKey(text: "BR-SAN;c=x;a=no-san"))
        #expect(result.records[0].until == LocalDate(year: 2027, month: 1, day: 31))
        #expect(result.records[1].ruleID == "CRYPTO-WEAK-SIG" && result.records[1].certificateID == "c1")
        #expect(result.records[1].acceptedBy == "李工" && result.records[1].reason == "old clients")
        #expect(result.quarantine.map(\.line) == [4, 5, 6, 7, 8])
        #expect(result.quarantine[0].reason.contains("a finding_key, or a rule and a certificate_id"))
        #expect(result.quarantine[2].reason == "reason is required")
        #expect(result.quarantine[4].reason.hasPrefix("until:"))
        #expect(result.badValues.isEmpty)
    }

    @Test func hostingPlans() throws {
        let result = try Self.read(
            LifecycleTables.hosting,
            """
            certificate_id,resource_types,replace_lead,configured_on,association,messages,status
            a,CDN|clb,25,2026-10-01,auto,yes,hosting
            b,WAF,immediate,,cert-9,no,10
            c,CDN,soon,,,,
            d,CDN,7,,,,-1

            """)
        #expect(result.records.map(\.certificateID) == ["a", "b", "c", "d"])
        #expect(result.records[0].resourceTypes.map(\.name) == ["CDN", "CLB"])
        #expect(result.records[0].replaceLead == .daysBeforeExpiry(25))
        #expect(result.records[1].replaceLead == .immediately && result.records[1].association == .designated("cert-9"))
        #expect(result.records[1].status == .completed && result.records[3].status == .notHosted)
        #expect(result.records[2].replaceLead == nil && result.quarantine.isEmpty)
        #expect(result.badValues.map(\.column) == [.hosting(.replaceLead)])
        #expect(result.badValues.first?.certificateID == "c" && result.badValues.first?.value == "soon")
    }

    @Test func accountsKeepMoneyInFen() throws {
        let result = try Self.read(LifecycleTables.accounts, "account_id,balance\n1001,1234.50\n1002,abc\n")
        #expect(
            result.records == [
                AccountRecord(line: 2, id: "1001", balanceFen: 123_450),
                AccountRecord(line: 3, id: "1002", balanceFen: nil),
            ])
        #expect(result.badValues.map(\.column) == [.accounts(.balance)])
        #expect(result.badValues.first?.reason.contains("abc") == true)
    }

    @Test func contactsPoliciesOperationsAndPrices() throws {
        let contacts = try Self.read(
            LifecycleTables.contacts,
            "contact_id,name,phone,email,wechat_verified,channels\nc1,王工,13800000000,ops@example.com,是,sms|email|wechat\nc2,,,,,pager\n"
        )
        #expect(contacts.records.first?.channels == [.sms, .email, .wechat])
        #expect(contacts.quarantine.isEmpty && contacts.records.last?.channels == [])
        #expect(contacts.badValues.map(\.column) == [.contacts(.channels)])
        let policies = try Self.read(
            LifecycleTables.alertPolicies,
            "policy_id,certificates,threshold_days,operator,period_minutes,repeat,receivers\np1,*,30,<=,5,24,c1|c2\np2,tag:env=prod,15,<,1,once,c1\np3,a|b,7,>,1,once,\n"
        )
        #expect(
            policies.records.map(\.selection) == [
                .all, .tag(Tag(key: "env", value: "prod")), .certificates(["a", "b"]),
            ])
        #expect(policies.records.first?.repeats == .everyHours(24))
        #expect(policies.quarantine.isEmpty && policies.records.last?.comparison == .below)
        #expect(policies.badValues.map { "\($0.line) \($0.column.name) \($0.value)" } == ["4 operator >"])
        let operations = try Self.read(
            LifecycleTables.operations,
            "requested_at,certificate_id,operation,params,requested_by\n2026-11-20 10:00:00,a,revoke,reason=key leaked,alice\n2026-11-20,b,explode,,\n"
        )
        #expect(operations.records.first?.kind == .revoke)
        #expect(operations.records.first?.parameters == [Tag(key: "reason", value: "key leaked")])
        #expect(operations.quarantine.map(\.line) == [3])
        let parameters = try Self.read(
            LifecycleTables.operations,
            "requested_at,certificate_id,operation,params\n"
                + "2026-11-20,a,host,types=CDN,CLB|Lead=7\n"  // a comma inside an unquoted field: 5 fields
                + "2026-11-20,a,host,\"types=CDN,CLB|Lead=7\"\n" + "2026-11-20,a,revoke,lead=7\n"
                + "2026-11-20,a,reissue,csr=online|CSR=paste\n" + "2026-11-20,a,delete,comment=CHG-1024\n"
                + "2026-11-20,a,reissue,key_password=y\n" + "2026-11-20,a,host,validation_ready=maybe\n")
        #expect(parameters.records.map(\.line) == [3, 6, 7])
        #expect(parameters.records.first?.parameters.map(\.key) == ["types", "Lead"])
        #expect(parameters.records.last?.parameters == [Tag(key: "key_password", value: "true")])
        let reasons = parameters.quarantine.map(\.reason)
        #expect(reasons.count == 4)
        #expect(reasons.contains { $0.contains("validation_ready: 'maybe' is not a boolean") })
        #expect(reasons.contains { $0.contains("'lead' is not a parameter of revoke (expected comment, reason)") })
        #expect(reasons.contains { $0.contains("'CSR' is given twice") })
        let prices = try Self.read(
            LifecycleTables.pricing,
            "brand,product,domain_type,years,price_cny,price_points\nDNSPod,DV,single,1,0.00,50\nGeoTrust,OV,wildcard,9,1.00,\n"
        )
        #expect(prices.records.first?.pricePoints == 50)
        #expect(prices.quarantine.map(\.line) == [3])
    }

    @Test func holidaysMakeTheWorkingCalendar() throws {
        let result = try Self.read(
            LifecycleTables.holidays,
            "date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-10,workday,调休\n2026-02-30,holiday,\n")
        #expect(result.records.count == 2)
        #expect(result.quarantine.map(\.line) == [4])
    }
}

struct WorkingCalendarTests {
    let friday = LocalDate(year: 2026, month: 11, day: 27)!
    let tuesday = LocalDate(year: 2026, month: 11, day: 24)!

    @Test func theStartDayNeverCounts() {
        let calendar = WorkingCalendar()
        #expect(calendar.adding(workingDays: 1, to: friday) == LocalDate(year: 2026, month: 11, day: 30))
        #expect(calendar.adding(workingDays: 1, to: tuesday) == LocalDate(year: 2026, month: 11, day: 25))
        #expect(calendar.adding(workingDays: 5, to: tuesday) == LocalDate(year: 2026, month: 12, day: 1))
    }

    @Test func holidaysAndMakeUpWorkdays() {
        let monday = LocalDate(year: 2026, month: 11, day: 30)!
        let saturday = LocalDate(year: 2026, month: 11, day: 28)!
        let calendar = WorkingCalendar(holidays: [monday], makeUpWorkdays: [saturday])
        #expect(calendar.adding(workingDays: 1, to: friday) == saturday)
        #expect(calendar.adding(workingDays: 2, to: friday) == LocalDate(year: 2026, month: 12, day: 1))
        #expect(!calendar.isWorkingDay(monday) && calendar.isWorkingDay(saturday))
    }
}

extension LifecycleTablesTests {
    /// packages.csv reads the API's spellings (DescribePackages); a bad count or status is a bad
    /// value, the package stays.
    @Test func packagesReadTheAPIsWords() throws {
        let result = try Self.read(
            LifecycleTables.packages,
            """
            PackageId,Type,OwnerUin,Total,Balance,ExpireTime,Status,SourceType,CreateTime
            p1,ssl_100,1001,100,49,2027-03-31 23:59:59,used,buy,2026-04-01
            p2,ssl_500,1002,-5,500,2027-12-31,shiny,transferIn,2026-10-01

            """)
        #expect(result.records.map(\.id) == ["p1", "p2"])
        #expect(result.records[0].status == .usedUp && result.records[0].source == .purchase)
        #expect(result.records[0].totalPoints == Points(100) && result.records[0].remainingPoints == Points(49))
        #expect(result.records[1].totalPoints == nil && result.records[1].status == nil)
        #expect(result.records[1].source == .transfer)
        #expect(result.badValues.map(\.column) == [.packages(.totalPoints), .packages(.status)])
    }

    /// A ledger row without a whole, positive point count or a known kind cannot be reconciled: it is
    /// quarantined with its line. A transfer without a code stays (PTS-TRANSFER reports it).
    @Test func ledgerRowsThatCannotBeReconciledAreQuarantined() throws {
        let result = try Self.read(
            LifecycleTables.pointsLedger,
            """
            at,package_id,kind,points,counterparty,code,certificate_id,transfer_status
            2026-04-01 10:00:00,p1,purchase,100,,,,
            2026-05-01,p1,consume,-3,,,,
            2026-05-02,p1,consume,2.5,,,,
            2026-05-03,p1,gift,4,,,,
            2026-05-04,p1,consume,0,,,,
            2026-05-05,p1,transfer_out,10,2002,,,pending

            """)
        #expect(result.records.map(\.line) == [2, 7])
        #expect(result.records[0].kind == .purchase && result.records[0].points == Points(100))
        #expect(result.records[1].kind == .transferOut && result.records[1].code == nil)
        #expect(result.quarantine.map(\.line) == [3, 4, 5, 6])
        #expect(result.quarantine[0].reason.contains("-3"))
        #expect(result.quarantine[2].reason.contains("gift"))
    }
}
