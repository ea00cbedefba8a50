import CertAuditCore

/// Every input table's columns as ingest reads them, for the README's table of essential columns
/// and the tests that put a bad value in each column in turn.
public enum InputTables {
    public static let columns: [InputColumnDescription] =
        CertificatesTable.columns.map(\.description) + ResourcesTable.columns.map(\.description)
        + LifecycleTables.hosting.columns.map(\.description) + LifecycleTables.accounts.columns.map(\.description)
        + LifecycleTables.pricing.columns.map(\.description) + LifecycleTables.contacts.columns.map(\.description)
        + LifecycleTables.alertPolicies.columns.map(\.description)
        + LifecycleTables.operations.columns.map(\.description)
        + LifecycleTables.holidays.columns.map(\.description) + LifecycleTables.packages.columns.map(\.description)
        + LifecycleTables.pointsLedger.columns.map(\.description) + LifecycleTables.accepted.columns.map(\.description)
}
