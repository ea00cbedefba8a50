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

    /// The points `packages` can pay on `date`.
    static func available(in packages: [PointsPackage], on date: LocalDate) -> Points {
        var points = Points.zero
        for package in packages where package.pays(on: date) { points = points + package.remaining }
        return points
    }

    /// Draws `due` from `packages` (in draw order), each paying what it can until none is due; the
    /// caller has checked that they hold enough. Returns what each package paid, in order.
    static func draw(_ due: Points, from packages: inout [PointsPackage], on date: LocalDate) -> [(
        packageID: String, points: Points
    )] {
        var left = due
        var draws: [(packageID: String, points: Points)] = []
        for index in packages.indices where left > .zero && packages[index].pays(on: date) {
            let drawn = min(left, packages[index].remaining)
            packages[index].remaining = packages[index].remaining - drawn
            left = left - drawn
            draws.append((packages[index].id, drawn))
        }
        return draws
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
