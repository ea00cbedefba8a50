/// A certificate's subjectAltName entries, in certificate order.
///
/// Held as the names alone when every entry is a DNS name (almost every server certificate), so
/// that the array can be the very one the certificate's inventory row holds in `sans`
/// (`EstateInterner.intern(_:row:)`): a leaf's names then cost no heap block of their own, where an
/// array of `SubjectAltName` took 80 bytes a certificate (a million leaves: 76 MiB). A list with any
/// other kind of entry keeps each entry's kind beside the names.
public struct SubjectAltNames: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The entries' values, in order.
    private var names: [String]
    /// Each entry's kind, or empty when every entry is a DNS name (then no array is made: an empty
    /// array is shared). Two arrays rather than an enum of the two forms: an enum of two array
    /// payloads keeps its case in the reference's spare high bits, where LeakSanitizer (the fuzz
    /// targets) no longer sees the reference and reports the array as leaked.
    private var kinds: [SubjectAltName.Kind]

    public init(_ entries: [SubjectAltName]) {
        names = entries.map(\.value)
        kinds = entries.allSatisfy { $0.kind == .dns } ? [] : entries.map(\.kind)
    }

    public init(arrayLiteral elements: SubjectAltName...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int { names.count }

    public subscript(position: Int) -> SubjectAltName {
        SubjectAltName(kinds.isEmpty ? .dns : kinds[position], names[position])
    }

    /// The DNS names, in order: when every entry is one, the array held (no copy).
    public var dnsNames: [String] {
        kinds.isEmpty ? names : zip(kinds, names).compactMap { $0 == .dns ? $1 : nil }
    }

    /// Whether every entry is a DNS name, and so `dnsNames` is the list itself.
    public var areAllDNSNames: Bool { kinds.isEmpty }

    /// Holds `names` (an equal array held elsewhere, such as the inventory row's `sans`) in place
    /// of its own when the list is exactly those DNS names, byte for byte (Swift's `==` also calls
    /// canonically equivalent spellings equal, which would change what is written): the two then
    /// share one heap block. Returns whether it did.
    @discardableResult
    public mutating func share(_ names: [String]) -> Bool {
        guard kinds.isEmpty, self.names.hasSameBytes(as: names)
        else { return false }
        self.names = names
        return true
    }

    /// Each name's string replaced by the one `replace` returns for it (an equal string whose storage
    /// is shared): the list's value is unchanged.
    public mutating func shareStrings(_ replace: (String) -> String) {
        names = names.map(replace)
    }
}
