internal import CLibXML2
import Foundation

/// Validates a report against `report.xsd` with libxml2 before anything is published.
///
/// A schema file that is missing or does not parse is the user's fault (`.templates`); a document
/// that does not validate is the tool's fault (`.internal`). Either error carries libxml2's own
/// messages.
public struct XSDValidator: Sendable {
    public let schema: ReportSchema

    public init(schema: ReportSchema = .builtIn) {
        self.schema = schema
    }

    /// Validates against the schema file at `schemaPath`.
    public init(schemaPath: String) {
        self.init(schema: .file(schemaPath))
    }

    /// Validates a document in memory.
    public func validate(_ document: [UInt8]) throws(ReportError) {
        try document.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(ReportError) in
            try validate { options in
                guard let base = bytes.baseAddress else { return nil }
                return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    xmlReaderForMemory($0, Int32(bytes.count), "report.xml", "UTF-8", options)
                }
            }
        }
    }

    /// Validates a document in a file, reading it a piece at a time.
    public func validate(file path: String) throws(ReportError) {
        try validate { options in xmlReaderForFile(path, "UTF-8", options) }
    }

    /// Streams the document through an `xmlTextReader` with the schema attached: memory stays flat
    /// however large the report (a DOM of a 100,000-certificate report would take gigabytes).
    private func validate(_ openReader: (Int32) -> xmlTextReaderPtr?) throws(ReportError) {
        let pass = try stream(openReader, visit: { _ in })
        if !(pass.readToEnd && pass.valid) {
            throw ReportError(.internal, "report.xml does not validate against \(schema.origin): \(pass.messages)")
        }
    }

    /// How one streamed pass over a document ended.
    struct Pass {
        /// The reader got to the end of a well-formed document.
        var readToEnd: Bool
        /// No node broke the schema.
        var valid: Bool
        /// libxml2's messages, or "(no message)".
        var messages: String
    }

    /// Reads the document once with the schema attached, handing every node to `visit` as it is
    /// read, so a reader of the document (the baseline) validates it in the same pass. Throws only
    /// when the schema itself cannot be read or compiled (`.templates`).
    func stream(_ openReader: (Int32) -> xmlTextReaderPtr?, visit: (xmlTextReaderPtr) -> Void) throws(ReportError)
        -> Pass
    {
        LibXML.ensureInitialised()
        let messages = MessageCollector()
        let context = Unmanaged.passUnretained(messages).toOpaque()
        defer { withExtendedLifetime(messages) {} }

        // Read here rather than by libxml2, which would print an I/O warning to stderr on its own.
        let schemaBytes = try schema.bytes()
        // libxml2 keeps the pointer and reads the bytes in `xmlSchemaParse`, not when the context is
        // made: both happen inside the buffer's scope. Outside it the array may be freed already
        // (its last use), and the schema then read garbage now and then ("does not parse").
        let compiled = try schemaBytes.withUnsafeBufferPointer { bytes throws(ReportError) -> xmlSchemaPtr? in
            let parserContext = bytes.withMemoryRebound(to: CChar.self) {
                xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count))
            }
            guard let parserContext else {
                throw ReportError(.templates, "cannot read schema \(schema.origin)")
            }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            xmlSchemaSetParserStructuredErrors(parserContext, MessageCollector.callback, context)
            return xmlSchemaParse(parserContext)
        }
        guard let compiled else {
            throw ReportError(.templates, "schema \(schema.origin) does not parse: \(messages.joined)")
        }
        defer { xmlSchemaFree(compiled) }

        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let reader = openReader(options) else {
            return Pass(readToEnd: false, valid: false, messages: messages.joined)
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, MessageCollector.callback, context)
        guard xmlTextReaderSetSchema(reader, compiled) == 0 else {
            return Pass(readToEnd: false, valid: false, messages: messages.joined)
        }
        var status: Int32 = 1
        while true {
            status = xmlTextReaderRead(reader)
            guard status == 1 else { break }
            visit(reader)
        }
        return Pass(readToEnd: status == 0, valid: xmlTextReaderIsValid(reader) == 1, messages: messages.joined)
    }

    /// Gathers libxml2's structured error messages for one validation (one thread).
    private final class MessageCollector {
        var messages: [String] = []

        var joined: String { messages.isEmpty ? "(no message)" : messages.joined(separator: "; ") }

        static let callback: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<MessageCollector>.fromOpaque(context).takeUnretainedValue()
            let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            let line = error.pointee.line
            collector.messages.append(
                "line \(line): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
