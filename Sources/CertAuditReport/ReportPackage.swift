/// One points package of the entitlements section (`<entitlements><package>`). Empty until the
/// entitlement stage fills it.
public struct ReportPackage: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var total: String
    public var remaining: String
    public var expires: String?
    public var status: String?
    public var forfeit: String?

    public init(
        id: String, name: String? = nil, total: String, remaining: String, expires: String? = nil,
        status: String? = nil, forfeit: String? = nil
    ) {
        self.id = id
        self.name = name
        self.total = total
        self.remaining = remaining
        self.expires = expires
        self.status = status
        self.forfeit = forfeit
    }
}
