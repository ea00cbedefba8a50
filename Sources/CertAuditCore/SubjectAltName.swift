/// One subjectAltName entry.
public struct SubjectAltName: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, Comparable, CaseIterable {
        case dns, ip, email, uri

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var kind: Kind
    public var value: String

    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = value
    }

    public static func < (lhs: SubjectAltName, rhs: SubjectAltName) -> Bool {
        (lhs.kind, lhs.value) < (rhs.kind, rhs.value)
    }
}
