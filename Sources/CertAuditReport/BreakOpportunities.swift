/// Splits long free text (aliases, subjects, SAN and resource lists) after its separators, so that
/// the HTML can offer a line break there (`<wbr>` between the parts) instead of breaking inside a
/// word: `CN=www.example.com,O=Example` → `CN=`, `www.`, `example.`, `com,`, `O=`, `Example`. The
/// parts are plain text, escaped by the template like any other value.
enum BreakOpportunities {
    /// Whether a line may break after this ASCII character: `, ; / . = : @ & ?`. A switch, not a
    /// set: the pages ask for every byte of their text cells, and hashing each byte was 43 % of the
    /// instructions spent on those cells.
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "?"):
            true
        default: false
        }
    }

    static func parts(_ text: String) -> [String] {
        var parts: [String] = []
        var part = ""
        for character in text {
            part.append(character)
            if let ascii = character.asciiValue, isSeparator(ascii) {
                parts.append(part)
                part = ""
            }
        }
        if !part.isEmpty || parts.isEmpty { parts.append(part) }
        return parts
    }
}
