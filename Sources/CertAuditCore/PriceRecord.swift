/// One accepted row of `pricing.csv`: what a renewal or successor costs, in money or in points.
public struct PriceRecord: Sendable, Hashable {
    public var line: Int
    public var brand: String
    public var product: Product
    public var domainType: DomainType
    public var years: Int
    public var priceFen: Int64?
    public var pricePoints: Int?

    public init(line: Int, brand: String, product: Product, domainType: DomainType, years: Int) {
        self.line = line
        self.brand = brand
        self.product = product
        self.domainType = domainType
        self.years = years
    }
}
