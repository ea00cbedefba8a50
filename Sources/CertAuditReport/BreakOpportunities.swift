/// Splits long free text (aliases, subjects, SAN and resource lists) after its separators, so that
/// the HTML can offer a line break there (`<wbr>` between the parts) instead of breaking inside a
/// word: `CN=www.example.com,O=Example` → `CN=`, `www.`, `example.`, `com,`, `O=`, `Example`. The
/// parts are plain text, escaped by the template like any other value.
enum BreakOpportunities {
    static let separators: Set<Character> = [",", ";", "/", ".", "=", ":", "@", "&", "?"]
    /// The separators as UTF-8 bytes, for text that is all ASCII (where each byte is a character).
    static let separatorBytes: Set<UInt8> = Set(separators.map { $0.asciiValue! })

    static func parts(_ text: String) -> [String] {
        var parts: [String] = []
        var part = ""
        for character in text {
            part.append(character)
            if separators.contains(character) {
                parts.append(part)
                part = ""
            }
        }
        if !part.isEmpty || parts.isEmpty { parts.append(part) }
        return parts
    }
}
