/// Makes input text safe for every output at once.
///
/// XML 1.0 cannot carry U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE or U+FFFF (lone
/// surrogates cannot occur in a Swift `String`). Decision: each such scalar becomes U+FFFD, and
/// the model stores the replaced text, so HTML, XML and CSV show the same characters. Tab, line feed
/// and carriage return are legal and kept.
enum ReportText {
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    static func clean(_ text: String) -> String {
        guard mayNeedCleaning(text), !text.unicodeScalars.allSatisfy(isAllowedInXML) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isAllowedInXML(scalar) ? scalar : replacement)
        }
        return String(scalars)
    }

    static func clean(_ text: String?) -> String? { text.map { clean($0) } }

    /// A quick look at the UTF-8 bytes (the reports clean millions of values, nearly all clean): a
    /// disallowed scalar is a control byte other than tab, LF and CR, or U+FFFE/U+FFFF, whose
    /// encodings begin with 0xEF. Without either, the text is clean.
    static func mayNeedCleaning(_ text: String) -> Bool {
        func suspect(_ byte: UInt8) -> Bool {
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
        }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: suspect) }
            ?? text.utf8.contains(where: suspect)
    }
}
