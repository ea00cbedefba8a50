import CertAuditCore

/// REV-DURATION: the CA's typical review times, in working days (RULES.md §5).
extension ReviewEstimate {
    /// Working days a review of this product takes: DV 1; OV 3 to 5; EV 5 to 7, the upper bound for
    /// `worst` and the lower for `typical`. DV when the product is unknown.
    public func workingDays(for product: Product?) -> Int {
        switch product {
        case .ov?, .ovPro?: self == .worst ? 5 : 3
        case .ev?, .evPro?: self == .worst ? 7 : 5
        case .dv?, .dvFree?, nil: 1
        }
    }
}
