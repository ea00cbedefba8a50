/// One accepted row of `accounts.csv`. Money is kept in fen (1/100 CNY), never a float.
public struct AccountRecord: Sendable, Hashable {
    public var line: Int
    public var id: String
    /// nil when the row's balance did not parse (INV-BAD-VALUE): charges on it are not checked.
    public var balanceFen: Int64?

    public init(line: Int, id: String, balanceFen: Int64?) {
        self.line = line
        self.id = id
        self.balanceFen = balanceFen
    }
}
