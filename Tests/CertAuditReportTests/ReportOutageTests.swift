import CertAuditCore
import Testing

@testable import CertAuditReport

/// The report reads each outage in place (hundreds of thousands at a million certificates): it
/// holds the simulation's value and a day count, and gives the same cleaned text a copy would.
struct ReportOutageTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 28)!

    @Test func anOutageIsReadInPlaceNotCopied() {
        #expect(MemoryLayout<ReportOutage>.size <= MemoryLayout<Outage>.stride + MemoryLayout<Int64>.size)
    }

    @Test func theFieldsAreTheOutagesCleaned() throws {
        let date = try #require(LocalDate(year: 2026, month: 11, day: 20))
        let outage = Outage(
            resourceID: "res-\u{1}1", resourceType: ResourceType("cdn"), certificateID: "c\u{FFFE}1", date: date,
            causes: ["auto-renewal is off", "no hosting plan \u{7}replaces it"])
        let row = ReportOutage(outage, asOf: Self.asOf)
        #expect(row.resource == ReportText.clean("res-\u{1}1") && row.resource != outage.resourceID)
        #expect(row.certificate == ReportText.clean("c\u{FFFE}1"))
        #expect(row.resourceType == outage.resourceType.name)
        #expect(row.date == "2026-11-20")
        #expect(row.daysFromAsOf == -8 && row.underWay)
        #expect(row.causes == outage.causes.map(ReportText.clean))
        let later = try #require(LocalDate(year: 2026, month: 12, day: 1))
        var predicted = outage
        predicted.date = later
        #expect(ReportOutage(predicted, asOf: Self.asOf).daysFromAsOf == 3)
        #expect(!ReportOutage(predicted, asOf: Self.asOf).underWay)
    }

    /// The model's outages are the simulation's array read as rows, in report order (by date, then
    /// resource): sorted when they are given out of order, each row counting its days from the
    /// as-of date.
    @Test func theModelsOutagesAreReadInReportOrder() {
        let days = [3, -2, 3, 0]
        let outages = zip(days, ["b", "z", "a", "m"]).map { day, resource in
            Outage(
                resourceID: resource, resourceType: ResourceType("CLB"), certificateID: "c",
                date: Self.asOf + Int64(day),
                causes: [])
        }
        let rows = ReportOutages(outages, asOf: Self.asOf)
        #expect(rows.map(\.resource) == ["z", "m", "a", "b"])
        #expect(rows.map(\.daysFromAsOf) == [-2, 0, 3, 3])
        #expect(Array(ReportOutages(outages.sorted(), asOf: Self.asOf)) == Array(rows))
    }
}
