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
        if let items = asciiItems(
            text, { bytes, item in String(decoding: UnsafeBufferPointer(rebasing: bytes[item]), as: UTF8.self) })
        {
            return items
        }
        return text.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Tags `key=value|key2=value2`.
    public static func tags(_ text: String) -> Result<[Tag], FieldError> {
        // ASCII text (nearly every cell) is split on its bytes: a byte is a `Character` there.
        let ascii = asciiItems(text) { bytes, item -> Result<Tag, FieldError> in
            guard let equals = bytes[item].firstIndex(of: UInt8(ascii: "=")), equals != item.lowerBound else {
                return .failure(
                    FieldError(
                        "tag '\(String(decoding: UnsafeBufferPointer(rebasing: bytes[item]), as: UTF8.self))' is not key=value"
                    ))
            }
            return .success(
                Tag(
                    key: String(decoding: UnsafeBufferPointer(rebasing: bytes[item.lowerBound..<equals]), as: UTF8.self)
                        .trimmingSpaces,
                    value: String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<item.upperBound]), as: UTF8.self
                    ).trimmingSpaces))
        }
        if let ascii {
            var tags: [Tag] = []
            for tag in ascii {
                switch tag {
                case .success(let tag): tags.append(tag)
                case .failure(let error): return .failure(error)
                }
            }
            return .success(tags)
        }
        var tags: [Tag] = []
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

    /// The `|`-separated items of ASCII text, each without the spaces and tabs around it, empty ones
    /// dropped, made by `make` from the text's bytes and the item's range; nil when the text is not
    /// ASCII (then a `|` might carry a combining mark and is split by `Character`).
    private static func asciiItems<Item>(
        _ text: String, _ make: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Item
    ) -> [Item]? {
        var text = text
        return text.withUTF8 { bytes -> [Item]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var items: [Item] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "|") {
                var low = start
                var high = index
                while low < high, isSpace(bytes[low]) { low += 1 }
                while high > low, isSpace(bytes[high - 1]) { high -= 1 }
                if low < high { items.append(make(bytes, low..<high)) }
                start = index + 1
            }
            return items
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
