internal import CLibXML2
import CertAuditCore
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
            try validate { context in
                let input = bytes.withMemoryRebound(to: CChar.self) {
                    xmlParserInputBufferCreateMem($0.baseAddress, Int32($0.count), XML_CHAR_ENCODING_UTF8)
                }
                guard let input else { return -1 }
                // The parser the validation makes owns `input` from here on, and frees it.
                return xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_UTF8, nil, nil)
            }
        }
    }

    /// Validates a document in a file, reading it a piece at a time.
    public func validate(file path: String) throws(ReportError) {
        try validate { context in xmlSchemaValidateFile(context, path, 0) }
    }

    /// Validates a document while `write` writes it, on a thread of its own: `write` is handed the
    /// pipe to mirror the document's bytes into, and the validation reads them as they come. At
    /// 100,000 certificates validating report.xml takes about as long as rendering it (4.3 and
    /// 4.8 s of CPU), so beside it rather than after it the file is done in about half the time.
    /// `write`'s own error is reported before the validation's.
    func validateWhileWriting(_ write: (BytePipe) throws(ReportError) -> Void) throws(ReportError) {
        let pipe = BytePipe()
        let validator = self
        let validation = BackgroundWork { () -> Result<Void, ReportError> in
            let result = Result { () throws(ReportError) in try validator.validate(reading: pipe) }
            // A validation that stopped early (a document not well-formed) leaves the writer free.
            pipe.abandon()
            return result
        }
        let written = Result { () throws(ReportError) in try write(pipe) }
        pipe.close()
        let validated = validation.wait()
        try written.get()
        try validated.get()
    }

    /// Validates the bytes `pipe` delivers, until it is closed.
    private func validate(reading pipe: BytePipe) throws(ReportError) {
        try validate { context in
            let source = Unmanaged.passUnretained(pipe).toOpaque()
            let read: xmlInputReadCallback = { source, buffer, count in
                guard let source, let buffer, count > 0 else { return 0 }
                return Int32(
                    Unmanaged<BytePipe>.fromOpaque(source).takeUnretainedValue()
                        .receive(into: buffer, count: Int(count)))
            }
            guard let input = xmlParserInputBufferCreateIO(read, nil, source, XML_CHAR_ENCODING_NONE) else {
                return -1
            }
            // The parser the validation makes owns `input` from here on, and frees it.
            return withExtendedLifetime(pipe) {
                xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_NONE, nil, nil)
            }
        }
    }

    /// Streams the document through libxml2's SAX parser with the schema plugged in: memory stays
    /// flat however large the report (a DOM of a 100,000-certificate report would take gigabytes),
    /// and no reader nodes are built (a third less CPU than an `xmlTextReader` on a 600 MB report:
    /// 4.8 s against 7.1 s at 100,000 certificates). `run` validates and returns libxml2's result:
    /// 0 for a valid document, else the document is invalid or not well-formed (a parse error
    /// comes without a message).
    private func validate(_ run: (xmlSchemaValidCtxtPtr) -> Int32) throws(ReportError) {
        let messages = MessageCollector()
        let context = Unmanaged.passUnretained(messages).toOpaque()
        let result = try withCompiledSchema(messages: messages) { (compiled) -> Int32 in
            guard let validation = xmlSchemaNewValidCtxt(compiled) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, MessageCollector.callback, context)
            return run(validation)
        }
        withExtendedLifetime(messages) {}
        if result != 0 {
            let detail =
                messages.messages.isEmpty ? "the document is not well-formed XML, or cannot be read" : messages.joined
            throw ReportError(.internal, "report.xml does not validate against \(schema.origin): \(detail)")
        }
    }

    /// Compiles the schema and hands it to `body`. Throws only when the schema itself cannot be read
    /// or compiled (`.templates`), with libxml2's messages.
    private func withCompiledSchema<Result>(
        messages: MessageCollector, _ body: (xmlSchemaPtr) throws(ReportError) -> Result
    ) throws(ReportError) -> Result {
        LibXML.ensureInitialised()
        let context = Unmanaged.passUnretained(messages).toOpaque()
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
        return try body(compiled)
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
    ///
    /// `validating: false` reads the document without the schema (only its well-formedness is
    /// checked; `valid` is then true): for a document this program validated before (see
    /// `BaselineReader`).
    func stream(
        validating: Bool = true, _ openReader: (Int32) -> xmlTextReaderPtr?, visit: (xmlTextReaderPtr) -> Void
    ) throws(ReportError) -> Pass {
        let messages = MessageCollector()
        let context = Unmanaged.passUnretained(messages).toOpaque()
        defer { withExtendedLifetime(messages) {} }
        func read(schema compiled: xmlSchemaPtr?) -> Pass {
            let options = Int32(
                XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            guard let reader = openReader(options) else {
                return Pass(readToEnd: false, valid: false, messages: messages.joined)
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, MessageCollector.callback, context)
            if let compiled, xmlTextReaderSetSchema(reader, compiled) != 0 {
                return Pass(readToEnd: false, valid: false, messages: messages.joined)
            }
            var status: Int32 = 1
            while true {
                status = xmlTextReaderRead(reader)
                guard status == 1 else { break }
                visit(reader)
            }
            return Pass(
                readToEnd: status == 0, valid: compiled == nil || xmlTextReaderIsValid(reader) == 1,
                messages: messages.joined)
        }
        guard validating else {
            LibXML.ensureInitialised()
            return read(schema: nil)
        }
        return try withCompiledSchema(messages: messages) { compiled in read(schema: compiled) }
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
