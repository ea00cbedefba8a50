/// Writes an XML document on UTF-8 bytes, straight into a file's buffer or into memory: the same
/// bytes libxml2's `xmlTextWriter` wrote (indented by two spaces, `<a/>` for an empty element, the
/// root's namespace after its attributes), without a C string or a libxml2 call per value
/// (report.xml has tens of millions of values at 100,000 certificates).
///
/// Escaping, as libxml2's: in attribute values `&`, `<`, `>`, `"`, tab, LF and CR become
/// references; in text `&`, `<`, `>`, `"` and CR. Every other byte is written as it is (the model
/// holds no character XML cannot carry: `ReportText.clean`); a value that needs no escaping is
/// copied whole.
///
/// Each tag, attribute or text is written through one pointer into room made for it first, not by
/// `Array.append`s, which each check the array's capacity and uniqueness: an attribute took some
/// 490 instructions that way, and report.xml has over twenty million of them at 100,000
/// certificates (callgrind).
struct XMLByteWriter: XMLElementWriter {
    /// The document so far (in memory), or what has not yet been handed to `output`.
    var bytes: [UInt8] { Array(storage[..<count]) }
    /// The room written into: the first `count` bytes are the document's, the rest is room.
    private var storage: [UInt8]
    private var count = 0
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
    /// While children are written for their memo, they stay in the room until they are copied.
    private var holdsHandOver = false

    /// A document into `output`, or in memory (`bytes`) when there is none.
    init(into output: BufferedFileOutput? = nil) {
        self.output = output
        storage = [UInt8](repeating: 0, count: output == nil ? 1 << 12 : Self.handOverSize * 2)
        write(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        write(Self.lineFeed)
    }

    mutating func startRoot(_ name: String, namespace: String) {
        self.namespace = namespace
        start(name)
    }

    mutating func start(_ name: String) {
        closeStartTag(lineFeed: true)
        open.append((name, true))
        let depth = open.count - 1
        var name = name
        name.withUTF8 { name in
            write(room: depth * Self.indentUnit + 1 + name.count) { at in
                Self.spaces(depth * Self.indentUnit, at: &at)
                Self.byte(UInt8(ascii: "<"), at: &at)
                Self.copy(name, at: &at)
            }
        }
    }

    mutating func end() {
        guard let element = open.popLast() else { preconditionFailure("end() without an open element") }
        if element.startTagOpen {
            declareNamespace()
            write(room: 3) { at in
                Self.byte(UInt8(ascii: "/"), at: &at)
                Self.byte(UInt8(ascii: ">"), at: &at)
                Self.byte(Self.lineFeed, at: &at)
            }
        } else {
            let indentation = indentEndTag ? open.count * Self.indentUnit : 0
            indentEndTag = true
            var name = element.name
            name.withUTF8 { name in
                write(room: indentation + 4 + name.count) { at in
                    Self.spaces(indentation, at: &at)
                    Self.byte(UInt8(ascii: "<"), at: &at)
                    Self.byte(UInt8(ascii: "/"), at: &at)
                    Self.copy(name, at: &at)
                    Self.byte(UInt8(ascii: ">"), at: &at)
                    Self.byte(Self.lineFeed, at: &at)
                }
            }
        }
        if count >= Self.handOverSize && !holdsHandOver { handOver() }
    }

    mutating func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        precondition(open.last?.startTagOpen == true, "attribute \(name) after the start tag was closed")
        appendAttribute(name, value)
    }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        var name = name
        var value = value
        name.withUTF8 { name in
            value.withUTF8 { value in
                let escaped = Self.escapedLength(value, inAttribute: true)
                write(room: name.count + 4 + escaped) { at in
                    Self.byte(UInt8(ascii: " "), at: &at)
                    Self.copy(name, at: &at)
                    Self.byte(UInt8(ascii: "="), at: &at)
                    Self.byte(UInt8(ascii: "\""), at: &at)
                    Self.escape(value, escapedLength: escaped, inAttribute: true, at: &at)
                    Self.byte(UInt8(ascii: "\""), at: &at)
                }
            }
        }
    }

    mutating func text(_ value: String) {
        closeStartTag(lineFeed: false)
        indentEndTag = false
        var value = value
        value.withUTF8 { value in
            let escaped = Self.escapedLength(value, inAttribute: false)
            write(room: escaped) { at in Self.escape(value, escapedLength: escaped, inAttribute: false, at: &at) }
        }
    }

    /// Children shared by several rows are written once per depth and copied after (their memo);
    /// the same bytes the element calls write, as the libxml2 test checks.
    mutating func children(_ element: String, _ items: [ReportListItem], memo: XMLChildrenMemo?) {
        guard let memo, !items.isEmpty else {
            writeChildren(element, items)
            return
        }
        // What the first child's start tag would do first: the children then depend on nothing else.
        closeStartTag(lineFeed: true)
        let depth = open.count
        if let written = memo.written, written.depth == depth {
            written.bytes.withUnsafeBufferPointer { bytes in write(room: bytes.count) { Self.copy(bytes, at: &$0) } }
            // Where the last child's end tag leaves it.
            indentEndTag = true
        } else {
            // Kept whole in the room: handed over only once the children are copied out of it.
            let start = count
            holdsHandOver = true
            writeChildren(element, items)
            holdsHandOver = false
            memo.written = (depth, Array(storage[start..<count]))
        }
        if count >= Self.handOverSize { handOver() }
    }

    /// Hands what is left to the output; the document is complete (in `bytes` or the file's buffer).
    mutating func finish() {
        precondition(open.isEmpty, "the document has open elements")
        handOver()
    }

    private mutating func closeStartTag(lineFeed: Bool) {
        guard let last = open.indices.last, open[last].startTagOpen else { return }
        declareNamespace()
        write(UInt8(ascii: ">"))
        if lineFeed { write(Self.lineFeed) }
        open[last].startTagOpen = false
    }

    private mutating func declareNamespace() {
        guard let namespace else { return }
        self.namespace = nil
        appendAttribute("xmlns", namespace)
    }

    /// Once writing has failed, what is made is dropped, not kept: kept, the rest of the document
    /// piled up in memory until the run ended with the error (a million certificates' report.xml on a
    /// full disk: 6.9 GB of RSS).
    private mutating func handOver() {
        guard let output else { return }
        defer { count = 0 }
        guard failure == nil else { return }
        let failed: ReportError? = storage.withUnsafeBufferPointer { [count] storage in
            do throws(ReportError) {
                try output.write(UnsafeBufferPointer(rebasing: storage[..<count]))
                return nil
            } catch {
                return error
            }
        }
        failure = failed
    }

    /// Writes at the end through one pointer: `body` writes at most `room` bytes, moving the
    /// pointer past them. The room grows (doubles) when it is short: in memory as the document
    /// grows, into a file only for a value longer than the room that is left.
    @inline(__always)
    private mutating func write(room: Int, _ body: (inout UnsafeMutablePointer<UInt8>) -> Void) {
        if count + room > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, count + room - storage.count)))
        }
        let start = count
        let written = storage.withUnsafeMutableBufferPointer { storage in
            let base = storage.baseAddress! + start
            var at = base
            body(&at)
            return at - base
        }
        count += written
    }

    private mutating func write(_ byte: UInt8) {
        write(room: 1) { at in Self.byte(byte, at: &at) }
    }

    private mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { text in write(room: text.count) { at in Self.copy(text, at: &at) } }
    }

    @inline(__always)
    private static func byte(_ byte: UInt8, at pointer: inout UnsafeMutablePointer<UInt8>) {
        pointer.initialize(to: byte)
        pointer += 1
    }

    @inline(__always)
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, at pointer: inout UnsafeMutablePointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        pointer.update(from: source, count: bytes.count)
        pointer += bytes.count
    }

    @inline(__always)
    private static func spaces(_ count: Int, at pointer: inout UnsafeMutablePointer<UInt8>) {
        pointer.update(repeating: UInt8(ascii: " "), count: count)
        pointer += count
    }

    /// The largest piece held before it is handed to the file.
    private static let handOverSize = 1 << 16
    private static let lineFeed = UInt8(ascii: "\n")
    /// Spaces a level of indentation takes.
    private static let indentUnit = 2

    /// The reference a byte is escaped with, or nil when it is written as it is (every byte named
    /// here is at most `>`: `escapedLength` counts on it, and the libxml2 test tries every ASCII byte).
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

    /// How many bytes `value` takes escaped. Every byte `escape` names is at most `>`, so most bytes
    /// of a name or an ID (letters) are passed over by one comparison.
    @inline(__always)
    private static func escapedLength(_ value: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Int {
        var length = value.count
        for byte in value where byte <= UInt8(ascii: ">") {
            if let reference = escape(byte, inAttribute: inAttribute) { length += reference.utf8CodeUnitCount - 1 }
        }
        return length
    }

    /// `value` escaped; `escapedLength` is what `escapedLength(_:inAttribute:)` gave: when it is
    /// the value's own length, nothing needs escaping and the value is copied whole.
    @inline(__always)
    private static func escape(
        _ value: UnsafeBufferPointer<UInt8>, escapedLength: Int, inAttribute: Bool,
        at pointer: inout UnsafeMutablePointer<UInt8>
    ) {
        guard escapedLength != value.count else {
            copy(value, at: &pointer)
            return
        }
        for byte in value {
            if let reference = escape(byte, inAttribute: inAttribute) {
                reference.withUTF8Buffer { copy($0, at: &pointer) }
            } else {
                Self.byte(byte, at: &pointer)
            }
        }
    }
}
