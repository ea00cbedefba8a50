internal import CLibXML2
import CertAuditCore

/// Writes `report.xml` with libxml2's `xmlTextWriter`, which escapes every value: no XML is ever
/// built by string concatenation. Optional values are written as absent attributes or elements,
/// never as empty ones.
struct XMLReportRenderer {
    /// The report in memory (tests and small reports).
    func render(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        LibXML.ensureInitialised()
        guard let buffer = xmlBufferCreate() else { throw ReportError(.internal, "xmlBufferCreate failed") }
        defer { xmlBufferFree(buffer) }
        guard let handle = xmlNewTextWriterMemory(buffer, 0) else {
            throw ReportError(.internal, "xmlNewTextWriterMemory failed")
        }
        try write(model, with: handle)
        guard let content = xmlBufferContent(buffer) else { return [] }
        let length = Int(xmlBufferLength(buffer))
        return Array(UnsafeBufferPointer(start: content, count: length))
    }

    /// The report streamed into a new file: libxml2 writes it through its own buffer, so the
    /// document is never whole in memory (at 100,000 certificates it is over half a gigabyte).
    func write(_ model: ReportModel, toFile path: String) throws(ReportError) {
        LibXML.ensureInitialised()
        guard let handle = xmlNewTextWriterFilename(path, 0) else {
            throw ReportError(.internal, "cannot write the report into \(path)")
        }
        try write(model, with: handle)
    }

    /// Writes the document with `handle` and frees it (which flushes a file writer).
    private func write(_ model: ReportModel, with handle: xmlTextWriterPtr) throws(ReportError) {
        var writer = Writer(handle: handle)
        writer.check(xmlTextWriterSetIndent(handle, 1))
        LibXML.withXMLChars("  ") { writer.check(xmlTextWriterSetIndentString(handle, $0)) }
        writer.check(xmlTextWriterStartDocument(handle, "1.0", "UTF-8", nil))
        write(model, into: &writer)
        writer.check(xmlTextWriterEndDocument(handle))
        writer.check(xmlTextWriterFlush(handle))
        xmlFreeTextWriter(handle)
        if writer.failed { throw ReportError(.internal, "xmlTextWriter reported an error while writing report.xml") }
    }

    private func write(_ model: ReportModel, into writer: inout Writer) {
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
        write(model.findings, ReportFinding.section, into: &writer)

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

        write(model.timeline, TimelineEvent.reportSection, into: &writer)

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
    /// share it).
    private func write<Row>(_ rows: [Row], _ section: ReportSection<Row>, into writer: inout Writer) {
        // Fields are read in place by index: a `for field in` loop would copy every field's
        // description (names, closures, HTML column) for every row.
        let fields = section.fields
        writer.start(section.element)
        for row in rows {
            writer.start(section.rowElement)
            // Attributes first, whatever their place among the fields: XML has them before any content.
            for index in fields.indices {
                if case .attribute(let name) = fields[index].placement {
                    writer.attribute(name, fields[index].csvText(of: row))
                }
            }
            var index = fields.startIndex
            while index < fields.endIndex {
                let placement = fields[index].placement
                // Written above; not read again.
                if case .attribute = placement {
                    index += 1
                    continue
                }
                switch (placement, fields[index].value(of: row)) {
                case (.attribute, _):
                    break
                case (.element(let name), .one(let value)):
                    writer.element(name, value)
                case (.elementWithFixedAttribute(let name, let attribute, let fixed), .one(let value)):
                    if let value {
                        writer.start(name)
                        writer.attribute(attribute, fixed)
                        writer.text(value)
                        writer.end()
                    }
                case (.text, .one(let value)):
                    if let value { writer.text(value) }
                case (.childAttribute(let element, _), _):
                    let group = fields[index...].prefix { $0.placement.childElement == element }
                    let attributes = group.map { member -> (String, String?) in
                        guard case .childAttribute(_, let name) = member.placement else { return ("", nil) }
                        return (name, member.csvText(of: row))
                    }
                    if attributes.contains(where: { $0.1 != nil }) {
                        writer.start(element)
                        for (name, value) in attributes { writer.attribute(name, value) }
                        writer.end()
                    }
                    index += group.count - 1
                case (.children(let element), .many(let items)):
                    for item in items {
                        writer.start(element)
                        for attribute in item.attributes { writer.attribute(attribute.name, attribute.value) }
                        if let text = item.text { writer.text(text) }
                        writer.end()
                    }
                case (_, .one), (_, .many):
                    preconditionFailure(
                        "field \(fields[index].name) of \(section.rowElement): value does not fit its placement")
                }
                index += 1
            }
            writer.end()
        }
        writer.end()
    }

    private func write(_ changes: ReportChanges, into writer: inout Writer) {
        writer.start("changes")
        writer.attribute("status", changes.status)
        writer.attribute("baseline-as-of", changes.baselineAsOf)
        writer.attribute("baseline-sha256", changes.baselineSHA256)
        if changes.compared {
            for change in ["new", "resolved", "open"] { writer.attribute(change, String(changes.count(change))) }
        }
        writer.element("note", changes.note)
        for finding in changes.findings {
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
            writer.start("certificate")
            writer.attribute("change", certificate.change)
            writer.attribute("id", certificate.id)
            writer.attribute("fingerprint", certificate.fingerprint)
            writer.attribute("previous-id", certificate.previousID)
            writer.attribute("previous-fingerprint", certificate.previousFingerprint)
            writer.end()
        }
        for operation in changes.operations {
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

    /// Wraps the C writer and remembers whether any call failed, so the caller checks once.
    private struct Writer {
        let handle: xmlTextWriterPtr
        var failed = false

        mutating func check(_ result: Int32) {
            if result < 0 { failed = true }
        }

        mutating func startRoot(_ name: String, namespace: String) {
            let result = LibXML.withXMLChars(name) { name in
                LibXML.withXMLChars(namespace) { namespace in
                    xmlTextWriterStartElementNS(handle, nil, name, namespace)
                }
            }
            check(result)
        }

        mutating func start(_ name: String) {
            let result = LibXML.withXMLChars(name) { xmlTextWriterStartElement(handle, $0) }
            check(result)
        }

        mutating func end() { check(xmlTextWriterEndElement(handle)) }

        mutating func attribute(_ name: String, _ value: String?) {
            guard let value else { return }
            let result = LibXML.withXMLChars(name) { name in
                LibXML.withXMLChars(value) { value in xmlTextWriterWriteAttribute(handle, name, value) }
            }
            check(result)
        }

        mutating func text(_ value: String) {
            let result = LibXML.withXMLChars(value) { xmlTextWriterWriteString(handle, $0) }
            check(result)
        }

        mutating func element(_ name: String, _ value: String?) {
            guard let value else { return }
            start(name)
            text(value)
            end()
        }
    }
}
