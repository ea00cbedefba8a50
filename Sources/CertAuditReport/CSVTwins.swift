import CertAuditCore

/// The CSV files written beside report.xml from the same rows, in the same pass
/// (`XMLReportRenderer.write(_:into:twins:)`): the two largest sections' files, whose rows are
/// otherwise made and read a second time (the timeline's 1.6 million events at 100,000 certificates,
/// walked again with the alert cursor).
struct CSVTwins {
    let findings: CSVSectionStream<ReportFinding>
    let timeline: CSVSectionStream<TimelineEvent>
}
