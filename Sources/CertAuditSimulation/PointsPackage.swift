import CertAuditCore

/// One entitlement-point package as the forecast draws it: the points left, the last day it pays
/// (the local date of `expires_at`), and whether it pays at all (status `usable`, RULES.md §0).
struct PointsPackage {
    let id: String
    let accountID: String
    /// nil: no expiry given, it never expires.
    let expiry: LocalDate?
    let usable: Bool
    var remaining: Points

    /// Pays on `date`: usable, not past its expiry date, points left.
    func pays(on date: LocalDate) -> Bool {
        usable && remaining > .zero && (expiry.map { date <= $0 } ?? true)
    }

    /// Earliest expiry first (none given: last), ties by package ID.
    static func drawOrder(_ lhs: PointsPackage, _ rhs: PointsPackage) -> Bool {
        switch (lhs.expiry, rhs.expiry) {
        case (let left?, let right?) where left != right: left < right
        case (.some, nil): true
        case (nil, .some): false
        default: lhs.id < rhs.id
        }
    }
}
