import CertAuditCore

/// REV-URGE: urging a review (催审) opens 24 hours after a DV order's materials are submitted, and
/// 72 (OV) or 96 (EV) hours after the confirmation letter is uploaded, for the brands and products
/// that support it; there must be a review to urge.
///
/// Decision: the brand/product list of RULES.md is the whole list; a product it does not name
/// (DNSPod international, GeoTrust OV Pro, …) cannot be urged. A certificate is under review when
/// its state is `validating` or `dns_auto_added` (or a row with no state and no bundle yet).
public struct UrgeReviewRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.bundleFacts + InputColumn.brand + InputColumn.product + [
            .certificates(.status), .certificates(.submittedAt), .certificates(.letterUploadedAt),
        ]

    /// Brand (lower case) → products whose review can be urged.
    public static let supported: [String: Set<Product>] = [
        "securesite": [.ov, .ovPro, .ev, .evPro],
        "geotrust": [.ov, .ev],
        "trustasia": [.ov, .dv, .dvFree, .ev],
        "globalsign": [.ov, .ev],
    ]

    /// Hours after the milestone from which urging opens, by product.
    public static func waitHours(for product: Product) -> Int64 {
        switch product {
        case .dv, .dvFree: 24
        case .ov, .ovPro: 72
        case .ev, .evPro: 96
        }
    }

    public let descriptor = RuleDescriptor(
        id: .revUrge, title: "When a review can be urged", defaultSeverity: .medium,
        citations: [.consoleGuide(.urgeReview)],
        summary:
            "Urging review opens DV: 24 h after materials are submitted; OV: 72 h after the confirmation letter is "
            + "uploaded; EV: 96 h after it. Supported: SecureSite OV, OV Pro, EV, EV Pro; GeoTrust OV, EV; TrustAsia OV, "
            + "DV, free DV, EV; GlobalSign OV, EV. Not supported: WoTrus (any), DNSPod SM2.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.urgeReview]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        let record = request.record
        let id = request.certificate.id
        guard let product = record.product, let brand = record.brand,
            Self.supported[brand.lowercased()]?.contains(product) == true
        else {
            let what = [record.brand, record.product?.rawValue].compactMap { $0 }.joined(separator: " ")
            return deny(
                "\(request.reference): urging review is not offered for \(what.isEmpty ? "an unknown product" : what).")
        }
        let underReview =
            record.status == .validating || record.status == .dnsAutoAdded
            || (record.status == nil && !request.certificate.hasBundle)
        guard underReview else {
            let state =
                record.status == .pendingLetter
                ? "waiting for its confirmation letter" : (request.state?.rawValue ?? "issued")
            return deny("\(request.reference): \(id) is \(state), not under review; there is nothing to urge.")
        }
        let isDV = product == .dv || product == .dvFree
        let milestone = isDV ? record.submittedAt : record.letterUploadedAt
        let name = isDV ? "submitted_at" : "letter_uploaded_at"
        guard let milestone else {
            return deny(
                "\(request.reference): \(id) has no \(name); urging opens \(Self.waitHours(for: product)) h after it.")
        }
        let opens = milestone + Self.waitHours(for: product) * 3_600
        guard request.operation.requestedAt < opens else { return [] }
        return deny(
            "\(request.reference): urging \(id) opens \(Self.waitHours(for: product)) h after \(name), at "
                + "\(request.context.settings.timeZone.iso8601(opens)).")
    }

    public var examples: RuleExamples {
        func order(_ product: Product, brand: String = "TrustAsia") -> Certificate {
            ExampleEstate.certificate(source: .issued, bundle: nil) {
                $0.brand = brand
                $0.product = product
                $0.status = .validating
                $0.submittedAt = ExampleEstate.day(-10)
                $0.letterUploadedAt = ExampleEstate.day(-3)
            }
        }
        let submitted = ExampleEstate.day(-10)
        let letter = ExampleEstate.day(-3)
        let hour: Int64 = 3_600
        func urge(_ at: Instant) -> [OperationRecord] { [ExampleEstate.operation(.urgeReview, at: at)] }
        return RuleExamples(
            passing: [
                RuleExample("DV at 24 h", [order(.dv)], operations: urge(submitted + 24 * hour)),
                RuleExample("OV at 72 h", [order(.ov)], operations: urge(letter + 72 * hour)),
                RuleExample("EV at 96 h", [order(.ev)], operations: urge(letter + 96 * hour)),
            ],
            failing: [
                RuleExample("DV a second before 24 h", [order(.dv)], operations: urge(submitted + (24 * hour - 1))),
                RuleExample("OV a second before 72 h", [order(.ov)], operations: urge(letter + (72 * hour - 1))),
                RuleExample("EV a second before 96 h", [order(.ev)], operations: urge(letter + (96 * hour - 1))),
                RuleExample("WoTrus", [order(.ov, brand: "WoTrus")], operations: urge(letter + 96 * hour)),
                RuleExample(
                    "an issued certificate",
                    [
                        ExampleEstate.certificate(source: .issued) {
                            $0.brand = "TrustAsia"
                            $0.product = .dv
                        }
                    ], operations: urge(submitted + 48 * hour)),
            ])
    }
}
