internal import CLibXML2

/// Writes `report.xml` with libxml2's `xmlTextWriter`, which escapes every value: no XML is ever
/// built by string concatenation. Optional values are written as absent attributes or elements,
/// never as empty ones.
struct XMLReportRenderer {
    func render(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        LibXML.ensureInitialised()
        guard let buffer = xmlBufferCreate() else { throw ReportError(.internal, "xmlBufferCreate failed") }
        defer { xmlBufferFree(buffer) }
        guard let handle = xmlNewTextWriterMemory(buffer, 0) else {
            throw ReportError(.internal, "xmlNewTextWriterMemory failed")
        }
        var writer = Writer(handle: handle)
        writer.check(xmlTextWriterSetIndent(handle, 1))
        LibXML.withXMLChars("  ") { writer.check(xmlTextWriterSetIndentString(handle, $0)) }
        writer.check(xmlTextWriterStartDocument(handle, "1.0", "UTF-8", nil))
        write(model, into: &writer)
        writer.check(xmlTextWriterEndDocument(handle))
        xmlFreeTextWriter(handle)
        if writer.failed { throw ReportError(.internal, "xmlTextWriter reported an error while writing report.xml") }
        guard let content = xmlBufferContent(buffer) else { return [] }
        let length = Int(xmlBufferLength(buffer))
        return Array(UnsafeBufferPointer(start: content, count: length))
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

        writer.start("certificates")
        for certificate in model.certificates { write(certificate, into: &writer) }
        writer.end()

        writer.start("findings")
        for finding in model.findings {
            writer.start("finding")
            writer.attribute("rule", finding.rule)
            writer.attribute("severity", finding.severity)
            writer.attribute("certificate", finding.certificate)
            writer.attribute("resource", finding.resource)
            writer.attribute("package", finding.package)
            writer.attribute("date", finding.date)
            writer.text(finding.message)
            writer.end()
        }
        writer.end()

        writer.start("timeline")
        for event in model.timeline {
            writer.start("event")
            writer.attribute("date", event.date)
            writer.attribute("kind", event.kind)
            writer.attribute("certificate", event.certificate)
            writer.attribute("resource", event.resource)
            writer.attribute("account", event.account)
            writer.attribute("package", event.package)
            writer.attribute("amount", event.amount)
            writer.attribute("points", event.points)
            writer.attribute("policy", event.policy)
            writer.attribute("times", event.times)
            writer.attribute("message", event.message)
            writer.attribute("detail", event.detail)
            for delivery in event.deliveries {
                writer.start("delivery")
                writer.attribute("receiver", delivery.receiver)
                writer.attribute("channel", delivery.channel)
                writer.attribute("deliverable", String(delivery.deliverable))
                writer.end()
            }
            writer.end()
        }
        writer.end()

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

        writer.start("operations")
        for operation in model.operations {
            writer.start("operation")
            writer.attribute("requested-at", operation.requestedAt)
            writer.attribute("certificate", operation.certificate)
            writer.attribute("kind", operation.kind)
            writer.attribute("verdict", operation.verdict)
            writer.attribute("rule", operation.rule)
            writer.attribute("line", String(operation.line))
            writer.attribute("requested-by", operation.requestedBy)
            for reason in operation.reasons {
                writer.start("reason")
                writer.attribute("rule", reason.rule)
                writer.attribute("effect", reason.effect)
                writer.text(reason.message)
                writer.end()
            }
            writer.end()
        }
        writer.end()

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

    private func write(_ certificate: ReportCertificate, into writer: inout Writer) {
        writer.start("certificate")
        writer.attribute("id", certificate.id)
        writer.attribute("alias", certificate.alias)
        writer.attribute("source", certificate.source)
        writer.attribute("type", certificate.type)
        writer.attribute("standard", certificate.standard)
        writer.attribute("status", certificate.status)
        writer.attribute("brand", certificate.brand)
        writer.attribute("product", certificate.product)
        writer.element("subject", certificate.subject)
        writer.element("issuer", certificate.issuer)
        writer.element("serial", certificate.serial)
        writer.element("not-before", certificate.notBefore)
        writer.element("not-after", certificate.notAfter)
        writer.element("days-to-expiry", certificate.daysToExpiry.map { String($0) })
        if let fingerprint = certificate.fingerprint {
            writer.start("fingerprint")
            writer.attribute("algorithm", "sha256")
            writer.text(fingerprint)
            writer.end()
        }
        if let key = certificate.key {
            writer.start("key")
            writer.attribute("algorithm", key.algorithm)
            writer.attribute("bits", String(key.bits))
            writer.attribute("curve", key.curve)
            writer.attribute("present", String(key.present))
            writer.attribute("matches", key.matches.map { String($0) })
            writer.end()
        }
        if let signature = certificate.signatureAlgorithm {
            writer.start("signature")
            writer.attribute("algorithm", signature)
            writer.end()
        }
        for san in certificate.sans {
            writer.start("san")
            writer.attribute("type", san.type)
            writer.text(san.value)
            writer.end()
        }
        writer.start("chain")
        writer.attribute("status", certificate.chainStatus)
        writer.attribute("length", String(certificate.chainLength))
        writer.end()
        for resource in certificate.resources {
            writer.start("resource")
            writer.attribute("id", resource.id)
            writer.attribute("type", resource.type)
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
