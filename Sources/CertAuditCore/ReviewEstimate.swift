/// Which end of a review's typical range (REV-DURATION) the checks and the simulation assume.
public enum ReviewEstimate: String, Sendable, Hashable, CaseIterable {
    /// The upper bound: DV 1, OV 5, EV 7 working days (the default: RULES.md says "worst case").
    case worst
    /// The lower bound: DV 1, OV 3, EV 5 working days.
    case typical

    /// Working days a review of this product takes (REV-DURATION); DV when the product is unknown.
    public func workingDays(for product: Product?) -> Int {
        switch product {
        case .ov?, .ovPro?: self == .worst ? 5 : 3
        case .ev?, .evPro?: self == .worst ? 7 : 5
        case .dv?, .dvFree?, nil: 1
        }
    }
}
