import CertAuditCore
import Foundation

/// Renders every report file into a staging folder, validates the XML, and only then publishes them together.
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
    public static let changesFile = "changes.csv"
    public static let financeFile = "finance.html"
    public static let metricsFile = "metrics.prom"
    public static let schemaFile = "report.xsd"

    public let templates: ReportTemplates
    /// What report.xml is validated against: the built-in schema unless one is given on purpose.
    public let schema: ReportSchema
    /// How many inventory rows and findings the HTML shows before pointing to the CSV files.
    public let htmlRowLimit: Int
    /// Makes the SHA-256 the publisher writes `SHA256SUMS` with (`ReportPublisher.digest`).
    public let digest: @Sendable () -> any DigestStream
    /// With 2 or more, the files are written on threads of their own (the estate's files beside the
    /// simulations, report.xml's validation beside its rendering, the other files beside both) and the
    /// publisher reads back unhashed files that many at a time; the output is the same for any number.
    public let jobs: Int

    public init(
        templates: ReportTemplates = .builtIn, schema: ReportSchema = .builtIn, htmlRowLimit: Int = 1_000,
        digest: @escaping @Sendable () -> any DigestStream = { SwiftSHA256() }, jobs: Int = 1
    ) {
        self.templates = templates
        self.schema = schema
        self.htmlRowLimit = htmlRowLimit
        self.digest = digest
        self.jobs = jobs
    }

    /// The templates of a folder, the built-in schema.
    public init(templatesDirectory: String, htmlRowLimit: Int = 1_000) {
        self.init(templates: .directory(templatesDirectory), htmlRowLimit: htmlRowLimit)
    }

    /// The files of a report, in the order they are written.
    public static let files = [
        xmlFile, htmlFile, findingsFile, inventoryFile, operationsFile, timelineFile, forecastFile, ledgerFile,
        changesFile, financeFile, metricsFile,
    ]

    /// Renders XML (validated against the schema), HTML and the CSV files, and publishes them
    /// atomically into `outputDirectory` with their `SHA256SUMS`. The large files (the XML, the CSVs)
    /// are streamed into the staging folder as they are rendered, so no report file is ever whole in
    /// memory. `runDuration`, read when metrics.prom — the last file — is rendered, gives its one line
    /// that is not reproducible; without it the line is left out. `wrote` is told each file's name
    /// once it is written (the run's progress).
    public func write(
        _ model: ReportModel, to outputDirectory: String, runDuration: () -> Duration? = { nil },
        wrote: @Sendable (String) -> Void = { _ in }
    ) throws(ReportError) {
        try begin(outputDirectory).finish(model, runDuration: runDuration, wrote: wrote)
    }

    /// Stages a report for `outputDirectory`, to be written by `ReportWriting.finish` once the model is
    /// made. Given the `inventory` (as soon as the estate is read) and `jobs` of 2 or more, it starts
    /// the files that need nothing but the estate at once, on a thread of its own: inventory.csv and
    /// metrics.prom's per-certificate gauges (the run's own families are added once the model is
    /// made). The simulations that come next run on one core, leaving the other idle for about a
    /// second at 100,000 certificates. The files are the same either way. `inventory` is made on that
    /// thread too: it sorts the estate by ID, which the simulations need not wait for.
    ///
    /// Decision: the inventory's pages stay with the other files. The stages up to the checks have
    /// mimalloc return freed memory at once (`Allocator` in the executable), and a page's buffers,
    /// some 3 MB, were then faulted in afresh for every page: 125,000 more page faults at 100,000
    /// certificates, more system time than the idle core gave back. With mimalloc's delays held
    /// through the simulations the faults mostly went, but so did the gain: the other files were
    /// then done before report.xml's validation, the writing's longest thread, and the idle core
    /// moved from the simulations to the writing's end (four alternating pairs, no difference).
    public func begin(
        _ outputDirectory: String, inventory: (@Sendable () -> ReportCertificates)? = nil
    ) throws(ReportError) -> ReportWriting {
        let publication = try ReportPublisher(
            outputDirectory: outputDirectory, digest: digest, unsummed: [Self.metricsFile], jobs: jobs
        )
        .stage()
        guard jobs >= 2, let inventory else { return ReportWriting(writer: self, publication: publication) }
        let staging = publication.staging
        let estateFiles = BackgroundWork { () -> Result<Void, ReportError> in
            Result { () throws(ReportError) in
                let certificates = inventory()
                try staging.stream(Self.inventoryFile) { (output: BufferedFileOutput) throws(ReportError) in
                    try CSVReportRenderer().inventory(certificates, into: output)
                }
                try staging.stream(Self.metricsFile) { (output: BufferedFileOutput) throws(ReportError) in
                    try MetricsRenderer(spoolDirectory: staging.directory).writeCertificateGauges(
                        certificates, into: output)
                }
            }
        }
        return ReportWriting(writer: self, publication: publication, estateFiles: estateFiles)
    }

    /// `report.xml` in memory, validated against the schema: a report that does not validate is
    /// never returned (the estate fuzzer's check).
    public func validatedXML(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        let xml = try XMLReportRenderer().render(model)
        try XSDValidator(schema: schema).validate(xml)
        return xml
    }

    /// The report's files and their bytes, in a fixed order (then the pages), without touching the output folder
    /// (rendered into a scratch folder and read back: for tests and small reports).
    public func render(_ model: ReportModel) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        let fileManager = FileManager()
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("certaudit-render-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.internal, "cannot create \(scratch.path): \(error.localizedDescription)")
        }
        defer { try? fileManager.removeItem(at: scratch) }
        try renderEach(model, into: ReportStaging(directory: scratch.path))
        let pages =
            ((try? fileManager.contentsOfDirectory(atPath: scratch.appendingPathComponent(HTMLPageNames.folder).path))
            ?? [])
            .sorted().map { HTMLPageNames.folder + "/" + $0 }
        return (Self.files + pages).compactMap { name in
            fileManager.contents(atPath: scratch.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }

    /// Renders the files: report.xml (streamed, and validated against the schema on a third thread
    /// as it is written: the longest single file), with findings.csv and timeline.csv written from
    /// the same rows, on one thread while the others are rendered on another at a lower priority
    /// (`othersPriorityStep`), when `jobs` allows; metrics.prom, the last of the others, gets its run duration once
    /// both threads are done, so that it covers them (its 94 MB at 100,000 certificates, written
    /// whole at the end, took a second on one thread). Nothing is published from the staging folder
    /// unless every file was written and the XML validates; when both threads fail, the XML's error
    /// is the one reported.
    ///
    /// `estateFiles`: inventory.csv and metrics.prom's gauges, when `begin` started them; they are
    /// waited for here (then metrics.prom gets the run's own families), and their error comes after
    /// both threads'.
    func renderEach(
        _ model: ReportModel, into staging: ReportStaging,
        estateFiles: BackgroundWork<Result<Void, ReportError>>? = nil, runDuration: () -> Duration? = { nil },
        wrote: @Sendable (String) -> Void = { _ in }
    ) throws(ReportError) {
        let estateFilesStarted = estateFiles != nil
        // `wrote` is not kept: the other files' thread is waited for before this returns.
        let (xml, others) = withoutActuallyEscaping(wrote) { wrote in
            let renderOthers = { @Sendable () -> Result<Void, ReportError> in
                Result { () throws(ReportError) in
                    try self.renderOthers(model, into: staging, estateFilesStarted: estateFilesStarted, wrote: wrote)
                }
            }
            let background = jobs >= 2 ? BackgroundWork(lowerPriority: Self.othersPriorityStep, renderOthers) : nil
            let xml = Result { () throws(ReportError) in try renderXML(model, into: staging, wrote: wrote) }
            return (xml, background?.wait() ?? renderOthers())
        }
        let early = estateFiles?.wait()
        try xml.get()
        try others.get()
        if let early {
            try early.get()
            wrote(Self.inventoryFile)
            try staging.append(Self.metricsFile, MetricsRenderer().runFamilies(model))
        }
        if let duration = runDuration() {
            try staging.append(Self.metricsFile, MetricsRenderer.durationLines(duration))
        }
        wrote(Self.metricsFile)
    }

    /// report.xml, streamed to the staging folder and validated: as it is written, on a thread of
    /// its own, when `jobs` allows; else once it is written, read back from the file. findings.csv and
    /// timeline.csv are written in the same pass, from the same rows (`CSVTwins`).
    private func renderXML(_ model: ReportModel, into staging: ReportStaging, wrote: (String) -> Void)
        throws(ReportError)
    {
        let validator = XSDValidator(schema: schema)
        try staging.stream(Self.findingsFile) { (findings: BufferedFileOutput) throws(ReportError) in
            try staging.stream(Self.timelineFile) { (timeline: BufferedFileOutput) throws(ReportError) in
                let twins = CSVTwins(
                    findings: try CSVSectionStream(ReportFinding.section, into: findings),
                    timeline: try CSVSectionStream(TimelineEvent.reportSection, into: timeline))
                let write = { (output: BufferedFileOutput) throws(ReportError) in
                    try XMLReportRenderer().write(model, into: output, twins: twins)
                }
                if jobs >= 2 {
                    try validator.validateWhileWriting { (pipe: BytePipe) throws(ReportError) in
                        try staging.stream(Self.xmlFile, mirroringTo: pipe, write)
                    }
                } else {
                    try staging.stream(Self.xmlFile, write)
                    try validator.validate(file: staging.path(of: Self.xmlFile))
                }
            }
        }
        for name in [Self.xmlFile, Self.findingsFile, Self.timelineFile] { wrote(name) }
    }

    /// How far the thread rendering the files other than report.xml lowers its priority (nice value
    /// steps, Linux): report.xml's validation, one libxml2 thread fed by report.xml's rendering, is
    /// the writing's critical path, and at equal priority the other files took the core the
    /// rendering needed, so that the validation waited for bytes (at 100,000 certificates it ran at
    /// about half a core for the writing's first three seconds, then alone for the last three). Lower,
    /// they take the time the two leave: the writing kept 1.9 of the two cores busy to its end.
    ///
    /// Decision, and its cost: on a machine whose cores other processes keep busy, those files get
    /// less of the spare time than at equal priority, and the run's end may wait for them. 5 steps
    /// (a third of a nice-0 thread's share) measured as fast as 10 or 19 here; the run's other
    /// threads, and the files' bytes, are unchanged.
    static let othersPriorityStep: Int32 = 5

    /// Every file but report.xml and its twins, in their fixed order, then the pages, then metrics.prom
    /// without its run duration; inventory.csv and metrics.prom only when `begin` did not start them.
    private func renderOthers(
        _ model: ReportModel, into staging: ReportStaging, estateFilesStarted: Bool, wrote: (String) -> Void
    ) throws(ReportError) {
        let html = try HTMLReportRenderer(templates: templates, rowLimit: htmlRowLimit)
        try staging.write(Self.htmlFile, try html.render(model))
        wrote(Self.htmlFile)
        let csv = CSVReportRenderer()
        // findings.csv and timeline.csv are written beside report.xml (`renderXML`).
        let streamed: [(String, (BufferedFileOutput) throws(ReportError) -> Void)] = [
            (
                Self.inventoryFile,
                { (output: BufferedFileOutput) throws(ReportError) in
                    try csv.inventory(model.certificates, into: output)
                }
            ),
            (
                Self.operationsFile,
                { (output: BufferedFileOutput) throws(ReportError) in try csv.operations(model, into: output) }
            ),
        ]
        for (name, body) in streamed where !(estateFilesStarted && name == Self.inventoryFile) {
            try staging.stream(name, body)
            wrote(name)
        }
        for (name, bytes) in [
            (Self.forecastFile, csv.forecast(model)), (Self.ledgerFile, csv.ledger(model)),
        ] {
            try staging.write(name, bytes)
            wrote(name)
        }
        // Streamed: compared with a baseline, it has a row per finding.
        try staging.stream(Self.changesFile) { (output: BufferedFileOutput) throws(ReportError) in
            try csv.changes(model, into: output)
        }
        wrote(Self.changesFile)
        try staging.write(Self.financeFile, try html.renderFinance(model))
        wrote(Self.financeFile)
        var madeFolder = false
        try html.renderPages(model) { (name: String, bytes: [UInt8]) throws(ReportError) in
            if !madeFolder {
                try staging.makeFolder(HTMLPageNames.folder)
                madeFolder = true
            }
            try staging.write(name, bytes)
        }
        guard !estateFilesStarted else { return }
        try staging.stream(Self.metricsFile) { (output: BufferedFileOutput) throws(ReportError) in
            try MetricsRenderer(spoolDirectory: staging.directory).write(model, into: output)
        }
    }
}
