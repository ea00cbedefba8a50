/// One month of the renewals forecast (`{{#months}}`), under both successor-validity policies.
struct ForecastMonthView {
    /// `YYYY-MM`.
    let month: String
    let cabfRenewals: Int
    let cabfAmount: String
    let cabfPoints: String
    let oneYearRenewals: Int
    let oneYearAmount: String
    let oneYearPoints: String
    /// CNY under cabf less CNY under one-year.
    let difference: String
}
