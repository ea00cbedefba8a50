import CertAuditCore

/// The entitlement-point ledger at the as-of time: one `PackageLedger` per package of packages.csv,
/// in file order. Rows for a package packages.csv does not hold are left out here:
/// INV-UNKNOWN-REFERENCE reports them.
public struct Ledger: Sendable {
    public let packages: [PackageLedger]
    /// Whether points_ledger.csv gave any row: without one there is nothing to reconcile.
    public let hasRows: Bool

    public init(_ lifecycle: LifecycleInputs, asOf: Instant) {
        var rows: [String: [LedgerEntry]] = [:]
        for entry in lifecycle.ledger { rows[entry.packageID, default: []].append(entry) }
        hasRows = !lifecycle.ledger.isEmpty
        packages = lifecycle.packages.map { PackageLedger(package: $0, entries: rows[$0.id] ?? [], asOf: asOf) }
    }
}
