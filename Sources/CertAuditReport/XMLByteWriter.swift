/// Writes an XML document on UTF-8 bytes, straight into a file's buffer or into memory: the same
/// bytes libxml2's `xmlTextWriter` wrote (indented by two spaces, `<a/>` for an empty element, the
/// root's namespace after its attributes), without a C string or a libxml2 call per value
/// (report.xml has tens of millions of values at 100,000 certificates).
///
/// Escaping, as libxml2's: in attribute values `&`, `<`, `>`, `"`, tab, LF and CR become
/// references; in text `&`, `<`, `>`, `"` and CR. Every other byte is written as it is (the model
/// holds no character XML cannot carry: `ReportText.clean`); a value that needs no escaping is
/// copied whole.
struct XMLByteWriter: XMLElementWriter {
    /// The document so far (in memory), or what has not yet been handed to `output`.
    private(set) var bytes: [UInt8] = []
    private let output: BufferedFileOutput?
    /// The first error writing to `output`; the writer stops writing once there is one.
    private(set) var failure: ReportError?
    var hasFailed: Bool { failure != nil }
    /// The open elements, innermost last, and whether each one's start tag is still open.
    private var open: [(name: String, startTagOpen: Bool)] = []
    /// The root's namespace, declared when its start tag closes.
    private var namespace: String?
    /// libxml2's `doindent`: an end tag after text stays on the text's line.
    private var indentEndTag = true

    /// A document into `output`, or in memory (`bytes`) when there is none.
    init(into output: BufferedFileOutput? = nil) {
        self.output = output
        bytes.reserveCapacity(output == nil ? 1 << 12 : 1 << 17)
        bytes.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
        bytes.append(Self.lineFeed)
    }

    mutating func startRoot(_ name: String, namespace: String) {
        self.namespace = namespace
        start(name)
    }

    mutating func start(_ name: String) {
        closeStartTag(lineFeed: true)
        open.append((name, true))
        indent(open.count - 1)
        bytes.append(UInt8(ascii: "<"))
        Self.appendWhole(name, to: &bytes)
    }

    mutating func end() {
        guard let element = open.popLast() else { preconditionFailure("end() without an open element") }
        if element.startTagOpen {
            declareNamespace()
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
        } else {
            if indentEndTag { indent(open.count) }
            indentEndTag = true
            bytes.append(UInt8(ascii: "<"))
            bytes.append(UInt8(ascii: "/"))
            Self.appendWhole(element.name, to: &bytes)
            bytes.append(UInt8(ascii: ">"))
        }
        bytes.append(Self.lineFeed)
        if bytes.count >= 1 << 16 { handOver() }
    }

    mutating func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        precondition(open.last?.startTagOpen == true, "attribute \(name) after the start tag was closed")
        appendAttribute(name, value)
    }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        Self.appendWhole(name, to: &bytes)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        Self.append(value, inAttribute: true, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func text(_ value: String) {
        closeStartTag(lineFeed: false)
        indentEndTag = false
        Self.append(value, inAttribute: false, to: &bytes)
    }

    /// Hands what is left to the output; the document is complete (in `bytes` or the file's buffer).
    mutating func finish() {
        precondition(open.isEmpty, "the document has open elements")
        handOver()
    }

    private mutating func closeStartTag(lineFeed: Bool) {
        guard let last = open.indices.last, open[last].startTagOpen else { return }
        declareNamespace()
        bytes.append(UInt8(ascii: ">"))
        if lineFeed { bytes.append(Self.lineFeed) }
        open[last].startTagOpen = false
    }

    private mutating func declareNamespace() {
        guard let namespace else { return }
        self.namespace = nil
        appendAttribute("xmlns", namespace)
    }

    private mutating func indent(_ depth: Int) {
        let width = depth * Self.indentUnit
        guard width <= Self.spaces.count else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
            return
        }
        Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<width])) }
    }

    /// Once writing has failed, what is made is dropped, not kept: kept, the rest of the document
    /// piled up in memory until the run ended with the error (a million certificates' report.xml on a
    /// full disk: 6.9 GB of RSS).
    private mutating func handOver() {
        guard let output else { return }
        if failure == nil {
            do throws(ReportError) {
                try output.write(bytes)
            } catch {
                failure = error
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    private static let lineFeed = UInt8(ascii: "\n")
    /// Spaces a level of indentation takes.
    private static let indentUnit = 2
    /// Enough spaces for any depth a report reaches, copied at once.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    /// A name's bytes, copied whole from its storage: `append(contentsOf: name.utf8)` took the
    /// generic sequence path, some 170 instructions for a short element or attribute name, and a
    /// large report.xml writes tens of millions of them (callgrind).
    @inline(__always)
    private static func appendWhole(_ text: String, to bytes: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// The reference a byte is escaped with, or nil when it is written as it is (every byte named
    /// here is at most `>`: `needsEscaping` counts on it, and the libxml2 test tries every ASCII byte).
    @inline(__always)
    private static func escape(_ byte: UInt8, inAttribute: Bool) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "\r"): "&#13;"
        case UInt8(ascii: "\t") where inAttribute: "&#9;"
        case UInt8(ascii: "\n") where inAttribute: "&#10;"
        default: nil
        }
    }

    private static func append(_ value: String, inAttribute: Bool, to bytes: inout [UInt8]) {
        let appended: Void? = value.utf8.withContiguousStorageIfAvailable {
            append($0, inAttribute: inAttribute, to: &bytes)
        }
        if appended == nil {
            Array(value.utf8).withUnsafeBufferPointer { append($0, inAttribute: inAttribute, to: &bytes) }
        }
    }

    /// Whether any byte of `value` is escaped. Every byte `escape` names is at most `>`, so most
    /// bytes of a name or an ID (letters) are passed over by one comparison.
    @inline(__always)
    private static func needsEscaping(_ value: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Bool {
        for byte in value where byte <= UInt8(ascii: ">") && escape(byte, inAttribute: inAttribute) != nil {
            return true
        }
        return false
    }

    private static func append(_ value: UnsafeBufferPointer<UInt8>, inAttribute: Bool, to bytes: inout [UInt8]) {
        guard needsEscaping(value, inAttribute: inAttribute) else {
            bytes.append(contentsOf: value)
            return
        }
        for byte in value {
            if let reference = escape(byte, inAttribute: inAttribute) {
                reference.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                bytes.append(byte)
            }
        }
    }
}
