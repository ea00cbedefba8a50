import CertAuditCore

/// Typed readings of CSV field text, following spec/INPUTS.md's conventions. Each returns the value,
/// nil for "not given", or a reason the text is invalid.
public enum FieldValue {
    /// Empty, the API's `""` placeholder and `--` mean "not given".
    public static func isAbsent(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        let count = trimmed.utf8.count
        return count == 0 || (count == 2 && (trimmed == "\"\"" || trimmed == "--"))
    }

    /// `true/false`, `yes/no`, `1/0`, `on/off`, `是/否`, in any letter case.
    public static func bool(_ text: String) -> Result<Bool, FieldError> {
        switch text.trimmingSpaces.lowercased() {
        case "true", "yes", "1", "on", "是", "y", "t": .success(true)
        case "false", "no", "0", "off", "否", "n", "f": .success(false)
        default: .failure(FieldError("'\(text)' is not a boolean (true/false, yes/no, 1/0, on/off, 是/否)"))
        }
    }

    public static func integer(_ text: String) -> Result<Int, FieldError> {
        guard let value = Int(text.trimmingSpaces) else {
            return .failure(FieldError("'\(text)' is not a whole number"))
        }
        return .success(value)
    }

    /// A `|`-separated list; empty items are dropped. Split by `Character`, so a `|` that a combining
    /// mark follows is not a separator; ASCII text (nearly every cell) has no such marks and is split
    /// by its bytes, which gives the same items without a walk by grapheme.
    public static func list(_ text: String) -> [String] {
        var items: [String] = []
        let ascii = forEachASCIIItem(text) { item in
            items.append(String(decoding: item, as: UTF8.self))
            return true
        }
        guard ascii else {
            return text.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        return items
    }

    /// Tags `key=value|key2=value2`.
    public static func tags(_ text: String) -> Result<[Tag], FieldError> {
        // ASCII text (nearly every cell) is split on its bytes: a byte is a `Character` there.
        var tags: [Tag] = []
        var failure: FieldError?
        let ascii = forEachASCIIItem(text) { item in
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")), equals != item.startIndex else {
                failure = FieldError("tag '\(String(decoding: item, as: UTF8.self))' is not key=value")
                return false
            }
            tags.append(
                Tag(
                    key: String(decoding: UnsafeBufferPointer(rebasing: item[..<equals]), as: UTF8.self).trimmingSpaces,
                    value: String(decoding: UnsafeBufferPointer(rebasing: item[(equals + 1)...]), as: UTF8.self)
                        .trimmingSpaces))
            return true
        }
        if ascii { return failure.map { .failure($0) } ?? .success(tags) }
        for item in list(text) {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                return .failure(FieldError("tag '\(item)' is not key=value"))
            }
            tags.append(
                Tag(
                    key: String(item[..<equals]).trimmingSpaces,
                    value: String(item[item.index(after: equals)...]).trimmingSpaces))
        }
        return .success(tags)
    }

    /// Hands `body` each `|`-separated item of ASCII text, as the text's bytes that hold it, without
    /// the spaces and tabs around it, empty ones skipped, until `body` returns false (the first bad
    /// tag ends the reading, as it ends the walk by `Character`). False, and nothing handed, when the
    /// text is not ASCII: then a `|` might carry a combining mark, and the text is split by `Character`.
    private static func forEachASCIIItem(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "|") {
                var low = start
                var high = index
                while low < high, isSpace(bytes[low]) { low += 1 }
                while high > low, isSpace(bytes[high - 1]) { high -= 1 }
                if low < high, !body(UnsafeBufferPointer(rebasing: bytes[low..<high])) { break }
                start = index + 1
            }
            return true
        }
    }

    /// Money in CNY as a decimal string with at most two decimals, kept in fen (1/100 CNY) so that
    /// no computation ever uses a float.
    public static func fen(_ text: String) -> Result<Int64, FieldError> {
        let trimmed = text.trimmingSpaces
        let negative = trimmed.hasPrefix("-")
        let parts = (negative ? String(trimmed.dropFirst()) : trimmed).split(
            separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        let fraction = parts.count == 2 ? parts[1] : ""
        // At most 15 digits of yuan: far beyond any balance, and no overflow in fen.
        guard parts.count <= 2, (1...15).contains(whole.count), whole.allSatisfy(\.isASCIIDigit),
            parts.count == 1 || ((1...2).contains(fraction.count) && fraction.allSatisfy(\.isASCIIDigit)),
            let units = Int64(whole)
        else { return .failure(FieldError("'\(text)' is not an amount in CNY (e.g. 1234.50)")) }
        let cents = fraction.isEmpty ? 0 : Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))!
        return .success((negative ? -1 : 1) * (units * 100 + cents))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Without leading and trailing spaces and tabs (CSV exports pad cells; the values never start
    /// or end with a space). A cell with nothing to trim — nearly every cell — is returned as it is,
    /// without a walk by `Character` or a new string: a space or tab `Character` is that one byte,
    /// so a first and last byte that are neither mean there is nothing to trim.
    public var trimmingSpaces: String {
        // The end bytes read from the string's storage: `utf8.last` walks the generic collection
        // protocol, which cost more than the rest of reading a typical cell.
        let ends = utf8.withContiguousStorageIfAvailable { ($0.first, $0.last) } ?? (utf8.first, utf8.last)
        guard let head = ends.0, let tail = ends.1,
            head == 0x20 || head == 0x09 || tail == 0x20 || tail == 0x09
        else { return self }
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
