import CLibXML2

@testable import CertAuditReport

/// libxml2's `xmlTextWriter` (indented by two spaces, into memory) behind the renderer's writer
/// calls: what report.xml was written with before issue 10, and the oracle `XMLByteWriter` is
/// checked against byte for byte.
final class LibXMLTextWriter: XMLElementWriter {
    private let buffer: xmlBufferPtr
    private let handle: xmlTextWriterPtr
    private var failed = false
    var hasFailed: Bool { failed }

    init() {
        xmlInitParser()
        buffer = xmlBufferCreate()!
        handle = xmlNewTextWriterMemory(buffer, 0)!
        check(xmlTextWriterSetIndent(handle, 1))
        check(xmlTextWriterSetIndentString(handle, "  "))
        check(xmlTextWriterStartDocument(handle, "1.0", "UTF-8", nil))
    }

    /// The document; nil when libxml2 reported an error.
    func finish() -> [UInt8]? {
        check(xmlTextWriterEndDocument(handle))
        check(xmlTextWriterFlush(handle))
        xmlFreeTextWriter(handle)
        defer { xmlBufferFree(buffer) }
        guard !failed, let content = xmlBufferContent(buffer) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ result: Int32) {
        if result < 0 { failed = true }
    }

    private func chars<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    func startRoot(_ name: String, namespace: String) {
        check(chars(name) { name in chars(namespace) { xmlTextWriterStartElementNS(handle, nil, name, $0) } })
    }

    func start(_ name: String) { check(chars(name) { xmlTextWriterStartElement(handle, $0) }) }

    func end() { check(xmlTextWriterEndElement(handle)) }

    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        check(chars(name) { name in chars(value) { xmlTextWriterWriteAttribute(handle, name, $0) } })
    }

    func text(_ value: String) { check(chars(value) { xmlTextWriterWriteString(handle, $0) }) }
}
