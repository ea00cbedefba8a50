/// The optional inputs behind the console's lifecycle rules and the simulation: hosting plans,
/// accounts, prices, contacts, alert policies, requested operations, the working calendar, the
/// entitlement-point packages with their ledger, and the accepted risks. Each is empty when its file is absent.
public struct LifecycleInputs: Sendable {
    public var hosting: [HostingRecord]
    public var accounts: [AccountRecord]
    public var prices: [PriceRecord]
    public var contacts: [ContactRecord]
    public var alertPolicies: [AlertPolicyRecord]
    public var operations: [OperationRecord]
    public var calendar: WorkingCalendar
    public var packages: [PackageRecord]
    /// In file order.
    public var ledger: [LedgerEntry]
    /// Known risks accepted by someone until a date (`accepted.csv`), in file order.
    public var accepted: [AcceptedRisk]

    public init(
        hosting: [HostingRecord] = [], accounts: [AccountRecord] = [], prices: [PriceRecord] = [],
        contacts: [ContactRecord] = [], alertPolicies: [AlertPolicyRecord] = [], operations: [OperationRecord] = [],
        calendar: WorkingCalendar = WorkingCalendar(), packages: [PackageRecord] = [], ledger: [LedgerEntry] = [],
        accepted: [AcceptedRisk] = []
    ) {
        self.accepted = accepted
        self.packages = packages
        self.ledger = ledger
        self.hosting = hosting
        self.accounts = accounts
        self.prices = prices
        self.contacts = contacts
        self.alertPolicies = alertPolicies
        self.operations = operations
        self.calendar = calendar
    }
}
