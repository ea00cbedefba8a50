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
        bytes.append(contentsOf: name.utf8)
    }

    mutating func end() {
        guard let element = open.popLast() else { preconditionFailure("end() without an open element") }
        if element.startTagOpen {
            declareNamespace()
            bytes.append(contentsOf: "/>".utf8)
        } else {
            if indentEndTag { indent(open.count) }
            indentEndTag = true
            bytes.append(contentsOf: "</".utf8)
            bytes.append(contentsOf: element.name.utf8)
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
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "=\"".utf8)
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
        for _ in 0..<depth { bytes.append(contentsOf: Self.indentUnit) }
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
    private static let indentUnit: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: " ")]

    /// The reference a byte is escaped with, or nil when it is written as it is.
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

    private static func append(_ value: UnsafeBufferPointer<UInt8>, inAttribute: Bool, to bytes: inout [UInt8]) {
        guard value.contains(where: { escape($0, inAttribute: inAttribute) != nil }) else {
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
