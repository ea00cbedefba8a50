/// A certificate's subjectAltName entries, in certificate order.
///
/// Held as the names alone when every entry is a DNS name (almost every server certificate), so
/// that the array can be the very one the certificate's inventory row holds in `sans`
/// (`EstateInterner.intern(_:row:)`): a leaf's names then cost no heap block of their own, where an
/// array of `SubjectAltName` took 80 bytes a certificate (a million leaves: 76 MiB). Any other kind
/// of entry keeps the whole list as it is.
public struct SubjectAltNames: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    /// One form for each list (the initialiser picks it), so that equal lists are equal storages.
    private enum Storage: Sendable, Hashable {
        case dns([String])
        case mixed([SubjectAltName])
    }

    private var storage: Storage

    public init(_ names: [SubjectAltName]) {
        storage = names.allSatisfy { $0.kind == .dns } ? .dns(names.map(\.value)) : .mixed(names)
    }

    public init(arrayLiteral elements: SubjectAltName...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .dns(let names): names.count
        case .mixed(let names): names.count
        }
    }

    public subscript(position: Int) -> SubjectAltName {
        switch storage {
        case .dns(let names): SubjectAltName(.dns, names[position])
        case .mixed(let names): names[position]
        }
    }

    /// The DNS names, in order: when every entry is one, the array held (no copy).
    public var dnsNames: [String] {
        switch storage {
        case .dns(let names): names
        case .mixed(let names): names.compactMap { $0.kind == .dns ? $0.value : nil }
        }
    }

    /// Whether every entry is a DNS name, and so `dnsNames` is the list itself.
    public var areAllDNSNames: Bool {
        if case .dns = storage { return true }
        return false
    }

    /// Holds `names` (an equal array held elsewhere, such as the inventory row's `sans`) in place
    /// of its own when the list is exactly those DNS names, byte for byte (Swift's `==` also calls
    /// canonically equivalent spellings equal, which would change what is written): the two then
    /// share one heap block. Returns whether it did.
    @discardableResult
    public mutating func share(_ names: [String]) -> Bool {
        guard case .dns(let own) = storage, own.count == names.count,
            zip(own, names).allSatisfy({ $0.utf8.elementsEqual($1.utf8) })
        else { return false }
        storage = .dns(names)
        return true
    }

    /// Each name's string replaced by the one `replace` returns for it (an equal string whose storage
    /// is shared): the list's value is unchanged.
    public mutating func shareStrings(_ replace: (String) -> String) {
        switch storage {
        case .dns(let names): storage = .dns(names.map(replace))
        case .mixed(let names): storage = .mixed(names.map { SubjectAltName($0.kind, replace($0.value)) })
        }
    }
}
