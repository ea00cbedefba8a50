/// Reads one attribute out of a distinguished name as the reports print it (RFC 2253 order, most
/// specific first: `CN=www.example.com,O=Example,C=CN`, special characters escaped with `\`, or as
/// `\XX` hex bytes).
enum DistinguishedName {
    /// The value of the first attribute of that type in the text (for `CN`, the last common name in
    /// certificate order, which is the one Go's `pkix.Name.CommonName` keeps and so the
    /// x509-certificate-exporter's `subject_CN`); nil when there is none.
    static func first(_ type: String, in name: String) -> String? {
        var attribute: [UInt8] = []
        var escaped = false
        let bytes = Array(name.utf8)
        var index = 0
        func finish() -> String? {
            guard let equals = attribute.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let key = String(decoding: attribute[..<equals], as: UTF8.self).trimmingSpaces
            guard key.uppercased() == type.uppercased() else { return nil }
            return String(decoding: attribute[(equals + 1)...], as: UTF8.self)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if escaped {
                escaped = false
                if index < bytes.count, let high = byte.hexDigitValue, let low = bytes[index].hexDigitValue {
                    attribute.append(high << 4 | low)
                    index += 1
                } else {
                    attribute.append(byte)
                }
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "+") {
                if let value = finish() { return value }
                attribute = []
            } else {
                attribute.append(byte)
            }
        }
        return finish()
    }
}

extension String {
    /// Without the space characters at either end. Walked by index, not through `drop(while:)` and
    /// `reversed()`, whose wrapper types were looked up at run time on every attribute.
    fileprivate var trimmingSpaces: String {
        var start = startIndex
        while start < endIndex, self[start] == " " { start = index(after: start) }
        var end = endIndex
        while end > start, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[start..<end])
    }
}
