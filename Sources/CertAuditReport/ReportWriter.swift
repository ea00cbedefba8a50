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
    public static let schemaFile = "report.xsd"

    public let templates: ReportTemplates
    /// What report.xml is validated against: the built-in schema unless one is given on purpose.
    public let schema: ReportSchema
    /// How many inventory rows and findings the HTML shows before pointing to the CSV files.
    public let htmlRowLimit: Int
    /// The SHA-256 the publisher writes `SHA256SUMS` with (`ReportPublisher.digest`).
    public let digest: @Sendable ([UInt8]) -> String

    public init(
        templates: ReportTemplates = .builtIn, schema: ReportSchema = .builtIn, htmlRowLimit: Int = 1_000,
        digest: @escaping @Sendable ([UInt8]) -> String = SwiftSHA256.hex
    ) {
        self.templates = templates
        self.schema = schema
        self.htmlRowLimit = htmlRowLimit
        self.digest = digest
    }

    /// The templates of a folder, the built-in schema.
    public init(templatesDirectory: String, htmlRowLimit: Int = 1_000) {
        self.init(templates: .directory(templatesDirectory), htmlRowLimit: htmlRowLimit)
    }

    /// Renders XML (validated against the schema), HTML, findings.csv,
    /// inventory.csv and operations.csv, and publishes them atomically into `outputDirectory`.
    /// Each file is written as soon as it is rendered (XML first, validated), so only one rendered
    /// file is in memory at a time.
    public func write(_ model: ReportModel, to outputDirectory: String) throws(ReportError) {
        try ReportPublisher(outputDirectory: outputDirectory, digest: digest).publish {
            (write: (String, [UInt8]) throws(ReportError) -> Void) throws(ReportError) in
            try renderEach(model, into: write)
        }
    }

    /// `report.xml`, validated against the schema: a report that does not validate is never
    /// returned.
    public func validatedXML(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        let xml = try XMLReportRenderer().render(model)
        try XSDValidator(schema: schema).validate(xml)
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
        _ model: ReportModel, into take: (String, [UInt8]) throws(ReportError) -> Void
    ) throws(ReportError) {
        try take(Self.xmlFile, try validatedXML(model))
        try take(
            Self.htmlFile,
            try HTMLReportRenderer(templates: templates, rowLimit: htmlRowLimit).render(model))
        let csv = CSVReportRenderer()
        try take(Self.findingsFile, csv.findings(model))
        try take(Self.inventoryFile, csv.inventory(model))
        try take(Self.operationsFile, csv.operations(model))
        try take(Self.timelineFile, csv.timeline(model))
        try take(Self.forecastFile, csv.forecast(model))
        try take(Self.ledgerFile, csv.ledger(model))
        try take(
            Self.financeFile,
            try HTMLReportRenderer(templates: templates, rowLimit: htmlRowLimit).renderFinance(model))
    }
}
