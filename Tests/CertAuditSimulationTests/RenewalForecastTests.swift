import CertAuditCore
import Foundation
import Testing

@testable import CertAuditSimulation

/// The lifetime schedule's cost (issue 9) on one auto-renewing DNSPod DV certificate, 299.00 a
/// renewal, X = 2027-01-10, as of 2026-11-28: the forecast covers 36 months, through 2029-11-28.
struct RenewalForecastTests {
    typealias Base = SimulationTests

    /// one-year: charged 2026-12-11, 2027-12-11 and 2028-12-11 (each successor valid one year more;
    /// the next, 2029-12-11, is past the forecast): 3 renewals, 897.00.
    /// cabf: charged 2026-12-11 (issued 12-14, valid until 2027-07-01: the 200-day stage), then
    /// 2027-06-01 (until 2027-09-09: 100 days), 2027-08-10, 2027-10-19, 2027-12-28, 2028-03-07,
    /// 2028-05-16, 2028-07-25, 2028-10-03, 2028-12-12, 2029-02-20 (issued 02-21: until 2029-05-31,
    /// the last 100-day successor), then every 47-day successor 30 days before its end: 2029-05-01,
    /// 05-18, 06-06, 06-23, 07-11, 07-28, 08-15, 09-01, 09-19, 10-06, 10-24, 11-10, 11-28: 24 renewals,
    /// 7,176.00. Shorter lifetimes cost 21 renewals and 6,279.00 CNY more.
    @Test func cabfCostsMoreRenewalsThanOneYear() {
        let settings = AuditSettings(asOf: Base.zone.instant(of: Base.day("2026-11-28")), timeZone: Base.zone)
        let estate = Estate(
            certificates: [Base.certificate("a", expires: "2027-01-10")],
            lifecycle: LifecycleInputs(
                accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 100_000_000)], prices: [Base.price(299)]))
        let forecast = RenewalForecast.make(estate, settings: settings)
        #expect(forecast.firstMonth == "2026-11" && forecast.lastMonth == "2029-11")
        let oneYear = forecast.total(.oneYear)
        #expect(oneYear.renewals == 3 && oneYear.amount == Money(fen: 89_700) && oneYear.unpriced == 0)
        let cabf = forecast.total(.cabf)
        #expect(cabf.renewals == 24 && cabf.amount == Money(fen: 717_600))
        #expect(cabf.amount - oneYear.amount == Money(fen: 627_900))
        let may2029 = forecast.months.first { $0.month == "2029-05" && $0.policy == .cabf }
        #expect(may2029?.renewals == 2 && may2029?.amount == Money(fen: 59_800))
        #expect(!forecast.months.contains { $0.month == "2029-12" })
    }

    /// A charge with no price row counts as a renewal with no known cost.
    @Test func anUnpricedRenewalIsCountedNotPriced() {
        let settings = AuditSettings(asOf: Base.zone.instant(of: Base.day("2026-11-28")), timeZone: Base.zone)
        let forecast = RenewalForecast.make(
            Estate(certificates: [Base.certificate("a", expires: "2027-01-10", account: nil)]), settings: settings)
        #expect(forecast.total(.oneYear).renewals == 3 && forecast.total(.oneYear).unpriced == 3)
        #expect(forecast.total(.oneYear).amount == .zero)
    }

    /// The forecast is a stage of its own on the terminal: its days counted across both policies,
    /// the second's after the first's, up to both horizons' days.
    @Test func progressCountsBothPoliciesDaysInTurn() {
        let settings = AuditSettings(asOf: Base.zone.instant(of: Base.day("2026-11-28")), timeZone: Base.zone)
        let reports = Reports()
        _ = RenewalForecast.make(
            Estate(certificates: [Base.certificate("a", expires: "2027-01-10")]), settings: settings,
            progress: { reports.append($0) })
        let days = RenewalForecast.horizonDays(from: settings.asOfDate, runHorizon: settings.horizonDays)
        let seen = reports.all
        #expect(seen.allSatisfy { $0.stage == .forecast && $0.unit == "days" && $0.total == 2 * days })
        #expect(seen.map(\.done) == seen.map(\.done).sorted())
        #expect(seen.first?.done == 0)
        #expect(seen.contains { $0.done == days }, "the first policy's last day")
        #expect(seen.last?.done == 2 * days)
    }

    /// Progress reports, gathered from whichever thread sends them.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var gathered: [StageProgress] = []
        func append(_ report: StageProgress) { lock.withLock { gathered.append(report) } }
        var all: [StageProgress] { lock.withLock { gathered } }
    }
}
