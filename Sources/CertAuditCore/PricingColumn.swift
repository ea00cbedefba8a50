/// The columns of `pricing.csv` (spec/INPUTS.md).
public enum PricingColumn: String, InputTableColumn {
    public static let inputName = "pricing.csv"

    case brand, product
    case domainType = "domain_type"
    case years
    case priceCNY = "price_cny"
    case pricePoints = "price_points"
}
