/// HTML escaping for the markup certaudit writes itself (the table cells, `HTMLTableView`): the
/// five characters Mustache's `{{ }}` escapes — `<`, `>`, `&`, `"`, `'` — become the same entities,
/// so a cell reads exactly as the templates used to write it, in text and in attribute values alike.
/// Decision: the escaping works on UTF-8 bytes, so a quote or `<` is escaped even when a combining
/// mark follows it (Mustache, which compares whole characters, would leave `"\u{301}` as it is).
enum HTMLEscaping {
    /// Appends `text` to `html`, escaped.
    static func append(_ text: String, to html: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else {
            html.append(contentsOf: utf8)
            return
        }
        for byte in utf8 { append(byte, to: &html) }
    }

    /// Appends one byte of UTF-8 text to `html`, escaped.
    @inline(__always)
    static func append(_ byte: UInt8, to html: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "<"): html.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): html.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "&"): html.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "\""): html.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): html.append(contentsOf: "&#39;".utf8)
        default: html.append(byte)
        }
    }

    /// `text`, escaped.
    static func escaped(_ text: String) -> String {
        var html: [UInt8] = []
        append(text, to: &html)
        return String(decoding: html, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
