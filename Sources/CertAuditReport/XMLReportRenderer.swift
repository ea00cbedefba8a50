import CertAuditCore

/// Writes `report.xml` through an `XMLElementWriter` (`XMLByteWriter`), which escapes every value:
/// no XML is ever built by string concatenation. Optional values are written as absent attributes
/// or elements, never as empty ones.
struct XMLReportRenderer {
    /// The report in memory (tests and small reports).
    func render(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        var writer = XMLByteWriter()
        write(model, into: &writer)
        writer.finish()
        return writer.bytes
    }

    /// The report streamed into `output` a buffer at a time, so the document is never whole in
    /// memory (at 100,000 certificates it is over half a gigabyte).
    ///
    /// `twins`: findings.csv and timeline.csv, written from the same rows as their sections, in the
    /// same pass (`CSVSectionStream`).
    func write(_ model: ReportModel, into output: BufferedFileOutput, twins: CSVTwins? = nil) throws(ReportError) {
        var writer = XMLByteWriter(into: output)
        write(model, into: &writer, twins: twins)
        writer.finish()
        if let failure = writer.failure ?? twins?.findings.failure ?? twins?.timeline.failure { throw failure }
    }

    /// The whole document, element by element, through `writer`. Once the writer has failed, the
    /// large lists (the sections' rows, the changes, the quarantine) stop at their next row: the
    /// document is lost, and a million certificates' report rendered for nothing took minutes
    /// before a full disk was reported.
    func write<Writer: XMLElementWriter>(_ model: ReportModel, into writer: inout Writer, twins: CSVTwins? = nil) {
        let header = model.header
        writer.startRoot("certaudit-report", namespace: ReportHeader.namespace)
        writer.attribute("schema-version", String(header.schemaVersion))
        writer.attribute("generator", header.generator)
        writer.attribute("as-of", header.asOf)
        writer.attribute("timezone", header.timeZone)
        writer.attribute("horizon-days", String(header.horizonDays))

        writer.start("run")
        for input in model.inputs {
            writer.start("input")
            writer.attribute("name", input.name)
            writer.attribute("sha256", input.sha256)
            writer.attribute("rows", String(input.rows))
            writer.attribute("accepted", String(input.accepted))
            writer.attribute("quarantined", String(input.quarantined))
            writer.attribute("encoding", input.encoding)
            for note in input.notes { writer.element("note", note) }
            writer.end()
        }
        for setting in model.settings {
            writer.start("setting")
            writer.attribute("name", setting.name)
            writer.attribute("value", setting.value)
            writer.end()
        }
        writer.end()

        writer.start("summary")
        for count in model.summary {
            writer.start("count")
            writer.attribute("name", count.name)
            writer.attribute("value", String(count.value))
            writer.end()
        }
        writer.end()

        write(model.changes, into: &writer)

        write(model.certificates, ReportCertificate.section, into: &writer)
        write(model.findings, ReportFinding.section, into: &writer, twin: twins?.findings)

        writer.start("acceptances")
        for acceptance in model.acceptances {
            writer.start("acceptance")
            writer.attribute("line", String(acceptance.line))
            writer.attribute("status", acceptance.status)
            writer.attribute("matches", String(acceptance.matches))
            writer.attribute("key", acceptance.key)
            writer.attribute("rule", acceptance.rule)
            writer.attribute("certificate", acceptance.certificate)
            writer.attribute("accepted-by", acceptance.acceptedBy)
            writer.attribute("until", acceptance.until)
            writer.text(acceptance.reason)
            writer.end()
        }
        writer.end()

        write(model.timeline, TimelineEvent.reportSection, into: &writer, twin: twins?.timeline)

        writer.start("entitlements")
        for account in model.accounts {
            writer.start("account")
            writer.attribute("id", account.id)
            writer.attribute("balance", account.balance)
            writer.attribute("shortfall-date", account.shortfallDate)
            writer.end()
        }
        for package in model.packages {
            writer.start("package")
            writer.attribute("id", package.id)
            writer.attribute("name", package.name)
            writer.attribute("account", package.account)
            writer.attribute("total", package.total)
            writer.attribute("remaining", package.remaining)
            writer.attribute("expires", package.expires)
            writer.attribute("status", package.status)
            writer.attribute("forfeit", package.forfeit)
            writer.end()
        }
        writer.end()

        write(model.operations, ReportOperation.section, into: &writer)

        writer.start("quarantine")
        for record in model.quarantine {
            if writer.hasFailed { break }
            writer.start("record")
            writer.attribute("input", record.input)
            writer.attribute("line", String(record.line))
            writer.attribute("column", record.column.map(String.init))
            writer.attribute("reason", record.reason)
            writer.attribute("certificate", record.certificate)
            writer.attribute("rule", record.rule)
            writer.end()
        }
        writer.end()

        // The rule reference, last so that documents without it (schema 1 before issue 12) stay valid.
        writer.start("rules")
        for rule in model.rules {
            writer.start("rule")
            writer.attribute("id", rule.id)
            writer.attribute("title", rule.title)
            writer.attribute("severity", rule.severity)
            writer.attribute("status", rule.status)
            for source in rule.sources {
                writer.start("source")
                writer.attribute("href", source.address)
                writer.text(source.text)
                writer.end()
            }
            writer.end()
        }
        writer.end()

        writer.end()
    }

    /// A described section: the container element, and for each row its element with its attributes,
    /// then every other field in its placement, in order (consecutive attributes of one child element
    /// share it). Each row is taken from `rows` once (a lazy section makes it then). `twin`, the
    /// section's CSV file, gets each row's record from the texts read for its element.
    func write<Row, Writer: XMLElementWriter>(
        _ rows: some Sequence<Row>, _ section: ReportSection<Row>, into writer: inout Writer,
        twin: CSVSectionStream<Row>? = nil
    ) {
        // Each field's placement and readers are taken once per section: reading them off the field
        // descriptions per row would copy every description (names, closures, HTML column).
        let fields = section.fields
        let placements = fields.map(\.placement)
        // A field whose items rows share (the alerts' deliveries) is made once per shared list, with
        // one memo for the writer to keep the list's children in.
        let children = fields.map { field -> (Row) -> (value: ReportFieldValue, memo: XMLChildrenMemo?) in
            guard field.sharing != nil else { return { (field.value(of: $0), nil) } }
            return SharedValues.reader(of: field) { (field.value(of: $0), XMLChildrenMemo()) }
        }
        let texts = fields.map(\.text)
        let textFields = placements.indices.filter { placements[$0].isReadAsText }
        let attributes = placements.indices.compactMap { index -> (name: String, field: Int)? in
            guard case .attribute(let name) = placements[index] else { return nil }
            return (name, index)
        }
        // The row's texts by field, read once for the element and its CSV record.
        var values = [String?](repeating: nil, count: fields.count)
        writer.start(section.element)
        for row in rows {
            if writer.hasFailed || twin?.failure != nil { break }
            for index in textFields { values[index] = texts[index](row) }
            writer.start(section.rowElement)
            // Attributes first, whatever their place among the fields: XML has them before any content.
            for attribute in attributes { writer.attribute(attribute.name, values[attribute.field]) }
            var index = fields.startIndex
            while index < fields.endIndex {
                // A one-valued field's text is its value: only a repeated one is read as items.
                switch placements[index] {
                case .attribute:
                    // Written above.
                    break
                case .element(let name):
                    writer.element(name, values[index])
                case .elementWithFixedAttribute(let name, let attribute, let fixed):
                    if let value = values[index] {
                        writer.start(name)
                        writer.attribute(attribute, fixed)
                        writer.text(value)
                        writer.end()
                    }
                case .text:
                    if let value = values[index] { writer.text(value) }
                case .childAttribute(let element, _):
                    let group = placements[index...].prefix { $0.childElement == element }.indices
                    if group.contains(where: { values[$0] != nil }) {
                        writer.start(element)
                        for member in group {
                            guard case .childAttribute(_, let name) = placements[member] else { continue }
                            writer.attribute(name, values[member])
                        }
                        writer.end()
                    }
                    index += group.count - 1
                case .children(let element):
                    let (value, memo) = children[index](row)
                    guard case .many(let items) = value else {
                        preconditionFailure(
                            "field \(fields[index].name) of \(section.rowElement): one value where its placement wants items"
                        )
                    }
                    writer.children(element, items, memo: memo)
                }
                index += 1
            }
            writer.end()
            twin?.append(row, xmlTexts: values)
        }
        writer.end()
    }

    private func write<Writer: XMLElementWriter>(_ changes: ReportChanges, into writer: inout Writer) {
        writer.start("changes")
        writer.attribute("status", changes.status)
        writer.attribute("baseline-as-of", changes.baselineAsOf)
        writer.attribute("baseline-sha256", changes.baselineSHA256)
        if changes.compared {
            for change in ["new", "resolved", "open"] { writer.attribute(change, String(changes.count(change))) }
        }
        writer.element("note", changes.note)
        for finding in changes.findings {
            if writer.hasFailed { break }
            writer.start("finding")
            writer.attribute("change", finding.change)
            writer.attribute("key", finding.key)
            writer.attribute("rule", finding.rule)
            writer.attribute("severity", finding.severity)
            writer.attribute("certificate", finding.certificate)
            writer.attribute("resource", finding.resource)
            writer.attribute("package", finding.package)
            writer.attribute("first-seen", finding.firstSeen)
            writer.end()
        }
        for certificate in changes.certificates {
            if writer.hasFailed { break }
            writer.start("certificate")
            writer.attribute("change", certificate.change)
            writer.attribute("id", certificate.id)
            writer.attribute("fingerprint", certificate.fingerprint)
            writer.attribute("previous-id", certificate.previousID)
            writer.attribute("previous-fingerprint", certificate.previousFingerprint)
            writer.end()
        }
        for operation in changes.operations {
            if writer.hasFailed { break }
            writer.start("operation")
            writer.attribute("requested-at", operation.requestedAt)
            writer.attribute("certificate", operation.certificate)
            writer.attribute("kind", operation.kind)
            writer.attribute("verdict", operation.verdict)
            writer.attribute("previous-verdict", operation.previousVerdict)
            writer.end()
        }
        writer.end()
    }
}
