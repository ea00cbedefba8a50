/// One column of one input file, whichever table it belongs to: what a rule reads, and where a bad
/// value was found.
public struct InputColumn: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The input file, e.g. `certificates.csv`.
    public let input: String
    /// The column's canonical name, e.g. `not_after`.
    public let name: String

    public init<Column: InputTableColumn>(_ column: Column) {
        input = Column.inputName
        name = column.rawValue
    }

    public static func certificates(_ column: CertificatesColumn) -> InputColumn { InputColumn(column) }
    public static func resources(_ column: ResourcesColumn) -> InputColumn { InputColumn(column) }
    public static func hosting(_ column: HostingColumn) -> InputColumn { InputColumn(column) }
    public static func accounts(_ column: AccountsColumn) -> InputColumn { InputColumn(column) }
    public static func pricing(_ column: PricingColumn) -> InputColumn { InputColumn(column) }
    public static func contacts(_ column: ContactsColumn) -> InputColumn { InputColumn(column) }
    public static func alertPolicies(_ column: AlertPoliciesColumn) -> InputColumn { InputColumn(column) }
    public static func operations(_ column: OperationsColumn) -> InputColumn { InputColumn(column) }
    public static func holidays(_ column: HolidaysColumn) -> InputColumn { InputColumn(column) }
    public static func packages(_ column: PackagesColumn) -> InputColumn { InputColumn(column) }
    public static func pointsLedger(_ column: PointsLedgerColumn) -> InputColumn { InputColumn(column) }
    public static func accepted(_ column: AcceptedColumn) -> InputColumn { InputColumn(column) }

    /// Every column of every input table.
    public static let all: [InputColumn] =
        CertificatesColumn.allCases.map(InputColumn.init) + ResourcesColumn.allCases.map(InputColumn.init)
        + HostingColumn.allCases.map(InputColumn.init) + AccountsColumn.allCases.map(InputColumn.init)
        + PricingColumn.allCases.map(InputColumn.init) + ContactsColumn.allCases.map(InputColumn.init)
        + AlertPoliciesColumn.allCases.map(InputColumn.init) + OperationsColumn.allCases.map(InputColumn.init)
        + HolidaysColumn.allCases.map(InputColumn.init) + PackagesColumn.allCases.map(InputColumn.init)
        + PointsLedgerColumn.allCases.map(InputColumn.init) + AcceptedColumn.allCases.map(InputColumn.init)

    /// `certificates.csv` column `not_after`.
    public var description: String { "\(input) column \(name)" }

    public static func < (lhs: InputColumn, rhs: InputColumn) -> Bool { (lhs.input, lhs.name) < (rhs.input, rhs.name) }
}
