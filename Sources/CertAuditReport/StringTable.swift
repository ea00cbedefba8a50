/// Strings that repeat from row to row (severities, dates), each held once and named by its place:
/// four bytes a row instead of sixteen and, past fifteen bytes, a heap block of its own.
///
/// Only ASCII strings are shared: two of them are equal as strings only when their bytes are,
/// where other strings may be canonically equal and spelled differently — and each must read back
/// as it came. Anything else gets a place of its own (the values a report holds are ASCII).
struct StringTable: Sendable {
    private var strings: [String] = []
    private var places: [String: UInt32] = [:]

    /// The place of `string`, added the first time.
    mutating func place(of string: String) -> UInt32 {
        let isASCII = string.utf8.allSatisfy { $0 < 0x80 }
        if isASCII, let place = places[string] { return place }
        precondition(strings.count < 1 << 31, "more strings than a place of 31 bits names")
        strings.append(string)
        let place = UInt32(strings.count - 1)
        if isASCII { places[string] = place }
        return place
    }

    subscript(place: UInt32) -> String { strings[Int(place)] }
}
