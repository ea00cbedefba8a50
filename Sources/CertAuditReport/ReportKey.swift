/// A certificate's key as the report shows it (`<key>`): the leaf's public key and whether the
/// bundle's private key is present and matches. Never key material.
public struct ReportKey: Sendable, Hashable {
    public var algorithm: String
    public var bits: Int
    public var curve: String?
    public var present: Bool
    /// nil when it could not be compared (absent or encrypted key): the attribute is then omitted.
    public var matches: Bool?
}
