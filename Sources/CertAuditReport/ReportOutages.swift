import CertAuditCore

/// The simulation's outages as the reports read them (`ReportOutage`), each made as it is read: the
/// model holds the simulation's own array, already in date order, not a copy of every outage. The
/// model made a sorted copy and then the rows (96 bytes an outage), all three arrays held at once
/// at the end of the checks: some 140 MB at a million certificates, the run's peak.
public struct ReportOutages: RandomAccessCollection, Sendable {
    private let outages: [Outage]
    private let asOf: LocalDate

    /// `outages` in report order (`Outage.<`: by date, then resource): sorted here unless they are.
    init(_ outages: consuming [Outage], asOf: LocalDate) {
        var outages = outages
        if !outages.isInIncreasingOrder { outages.sort() }
        self.outages = outages
        self.asOf = asOf
    }

    public var startIndex: Int { outages.startIndex }
    public var endIndex: Int { outages.endIndex }

    public subscript(position: Int) -> ReportOutage { ReportOutage(outages[position], asOf: asOf) }
}
