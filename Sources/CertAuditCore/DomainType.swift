/// `single`, `multi`, `wildcard`.
public enum DomainType: String, Sendable, Hashable, CaseIterable {
    case single, multi, wildcard
}
