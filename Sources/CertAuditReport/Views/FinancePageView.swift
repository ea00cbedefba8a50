internal import Mustache

/// Everything `finance.html.mustache` reads, by the names it uses (see `ReportView` for how
/// Mustache finds them).
struct FinancePageView: MustacheParent {
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

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "generator": generator
        case "asOf": asOf
        case "timezone": timezone
        case "firstMonth": firstMonth
        case "lastMonth": lastMonth
        case "accounts": accounts
        case "hasAccounts": hasAccounts
        case "packages": packages
        case "hasPackages": hasPackages
        case "months": months
        case "hasMonths": hasMonths
        case "chart": chart
        case "cabfRenewals": cabfRenewals
        case "cabfAmount": cabfAmount
        case "cabfPoints": cabfPoints
        case "oneYearRenewals": oneYearRenewals
        case "oneYearAmount": oneYearAmount
        case "oneYearPoints": oneYearPoints
        case "extraRenewals": extraRenewals
        case "extraAmount": extraAmount
        case "extraPoints": extraPoints
        case "accountCharts": accountCharts
        case "hasAccountCharts": hasAccountCharts
        case "ledger": ledger
        case "consumed": consumed
        case "hasConsumed": hasConsumed
        case "consumedChart": consumedChart
        case "hasLedger": hasLedger
        case "ledgerTruncated": ledgerTruncated
        case "ledgerShown": ledgerShown
        case "ledgerTotal": ledgerTotal
        default: nil
        }
    }
}
