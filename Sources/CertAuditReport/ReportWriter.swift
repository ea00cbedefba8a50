import Foundation

/// Renders every report file in memory, validates the XML, and only then publishes them together.
public struct ReportWriter: Sendable {
    /// The files a run writes, by name.
    public static let xmlFile = "report.xml"
    public static let htmlFile = "report.html"
    public static let findingsFile = "findings.csv"
    public static let inventoryFile = "inventory.csv"
    public static let operationsFile = "operations.csv"
    public static let timelineFile = "timeline.csv"
    public static let forecastFile = "forecast.csv"
    public static let ledgerFile = "ledger.csv"
    public static let financeFile = "finance.html"
    public static let metricsFile = "metrics.prom"
    public static let schemaFile = "report.xsd"

    public let templatesDirectory: String
    /// How many inventory rows and findings the HTML shows before pointing to the CSV files.
    public let htmlRowLimit: Int

    public init(templatesDirectory: String, htmlRowLimit: Int = 1_000) {
        self.templatesDirectory = templatesDirectory
        self.htmlRowLimit = htmlRowLimit
    }

    /// Renders XML (validated against `<templates>/report.xsd`), HTML, findings.csv,
    /// inventory.csv and operations.csv, and publishes them atomically into `outputDirectory`.
    /// Each file is written as soon as it is rendered (XML first, validated), so only one rendered
    /// file is in memory at a time. `runDuration`, read when metrics.prom — the last file — is
    /// rendered, gives its one line that is not reproducible; without it the line is left out.
    /// `wrote` is told each file's name once it is written (the run's progress).
    public func write(
        _ model: ReportModel, to outputDirectory: String, runDuration: () -> Duration? = { nil },
        wrote: (String) -> Void = { _ in }
    ) throws(ReportError) {
        try ReportPublisher(outputDirectory: outputDirectory).publish {
            (write: (String, [UInt8]) throws(ReportError) -> Void) throws(ReportError) in
            try renderEach(model, runDuration: runDuration) { (name: String, bytes: [UInt8]) throws(ReportError) in
                try write(name, bytes)
                wrote(name)
            }
        }
    }

    /// The files a run writes, in the order it writes them.
    public static let fileNames = [
        xmlFile, htmlFile, findingsFile, inventoryFile, operationsFile, timelineFile, forecastFile, ledgerFile,
        financeFile, metricsFile,
    ]

    /// `report.xml`, validated against `<templates>/report.xsd`: a report that does not validate is
    /// never returned.
    public func validatedXML(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        let xml = try XMLReportRenderer().render(model)
        let schema = (templatesDirectory as NSString).appendingPathComponent(Self.schemaFile)
        guard FileManager().fileExists(atPath: schema) else {
            throw ReportError(.templates, "templates directory \(templatesDirectory) has no \(Self.schemaFile)")
        }
        try XSDValidator(schemaPath: schema).validate(xml)
        return xml
    }

    /// The report's files and their bytes, in a fixed order, without touching the output folder.
    public func render(_ model: ReportModel) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        try renderEach(model) { (name: String, bytes: [UInt8]) throws(ReportError) in files.append((name, bytes)) }
        return files
    }

    /// Renders the files in their fixed order — the validated XML first, so that nothing is handed
    /// on from a report that does not validate — and hands each to `take` as soon as it exists.
    func renderEach(
        _ model: ReportModel, runDuration: () -> Duration? = { nil },
        into take: (String, [UInt8]) throws(ReportError) -> Void
    ) throws(ReportError) {
        try take(Self.xmlFile, try validatedXML(model))
        try take(
            Self.htmlFile,
            try HTMLReportRenderer(templatesDirectory: templatesDirectory, rowLimit: htmlRowLimit).render(model))
        let csv = CSVReportRenderer()
        try take(Self.findingsFile, csv.findings(model))
        try take(Self.inventoryFile, csv.inventory(model))
        try take(Self.operationsFile, csv.operations(model))
        try take(Self.timelineFile, csv.timeline(model))
        try take(Self.forecastFile, csv.forecast(model))
        try take(Self.ledgerFile, csv.ledger(model))
        try take(
            Self.financeFile,
            try HTMLReportRenderer(templatesDirectory: templatesDirectory, rowLimit: htmlRowLimit).renderFinance(model))
        try take(Self.metricsFile, MetricsRenderer().render(model, runDuration: runDuration()))
    }
}
