import CertAuditCore

/// What a one-year renewal costs (`pricing.csv`), by brand (any letter case), product and domain type.
struct PriceList {
    private let prices: [String: PriceRecord]

    init(_ records: [PriceRecord]) {
        var prices: [String: PriceRecord] = [:]
        for record in records where record.years == 1 {
            let key = Self.key(brand: record.brand, product: record.product, domainType: record.domainType)
            if prices[key] == nil { prices[key] = record }
        }
        self.prices = prices
    }

    /// The price row for renewing `record`, if pricing.csv has one.
    func price(for record: CertificateRecord) -> PriceRecord? {
        guard let brand = record.brand, let product = record.product, let domainType = record.domainType else {
            return nil
        }
        return prices[Self.key(brand: brand, product: product, domainType: domainType)]
    }

    private static func key(brand: String, product: Product, domainType: DomainType) -> String {
        "\(brand.lowercased())|\(product.rawValue)|\(domainType.rawValue)"
    }
}
