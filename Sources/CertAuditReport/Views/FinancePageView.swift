/// Everything `finance.html.mustache` reads, by the names it uses (see `ReportView` for how
/// Mustache finds them).
struct FinancePageView {
    let generator: String
    let asOf: String
    let timezone: String
    /// The forecast's first and last month, `YYYY-MM`.
    let firstMonth: String
    let lastMonth: String
    let accounts: [AccountView]
    let hasAccounts: Bool
    let packages: [PackageView]
    let hasPackages: Bool
    let months: [ForecastMonthView]
    let hasMonths: Bool
    let chart: MonthChartView<String>
    let cabfRenewals: Int
    let cabfAmount: String
    let cabfPoints: String
    let oneYearRenewals: Int
    let oneYearAmount: String
    let oneYearPoints: String
    /// What cabf's schedule costs more than one-year successors.
    let extraRenewals: Int
    let extraAmount: String
    let extraPoints: String
    let accountCharts: [AccountChartView]
    let hasAccountCharts: Bool
    let ledger: [LedgerRowView]
    let consumed: [ConsumedMonthView]
    let hasConsumed: Bool
    let consumedChart: MonthChartView<Int64>
    let hasLedger: Bool
    let ledgerTruncated: Bool
    let ledgerShown: Int
    let ledgerTotal: Int
}
