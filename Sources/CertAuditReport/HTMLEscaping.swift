/// HTML escaping for the markup certaudit writes itself (the table cells, `HTMLTableView`): the
/// five characters Mustache's `{{ }}` escapes — `<`, `>`, `&`, `"`, `'` — become the same entities,
/// so a cell reads exactly as the templates used to write it, in text and in attribute values alike.
/// Decision: the escaping works on UTF-8 bytes, so a quote or `<` is escaped even when a combining
/// mark follows it (Mustache, which compares whole characters, would leave `"\u{301}` as it is).
enum HTMLEscaping {
    /// Appends `text` to `html`, escaped.
    static func append(_ text: String, to html: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            // Read from the string's own bytes: `utf8.contains(where:)` on the view took some 640
            // instructions a cell (callgrind), the pages escape millions of them.
            guard utf8.contains(where: needsEscaping) else {
                html.append(contentsOf: utf8)
                return
            }
            for byte in utf8 { append(byte, to: &html) }
        }
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

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        // Every byte escaped is at most `>`: most bytes of a cell are passed over by one comparison.
        guard byte <= UInt8(ascii: ">") else { return false }
        return switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
