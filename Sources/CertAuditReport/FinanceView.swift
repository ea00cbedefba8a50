import CertAuditCore

/// What finance.html shows, for a reader who opens nothing else: balances and shortfalls, packages
/// and forfeits, the renewals ahead month by month under both successor-validity policies (an inline
/// SVG, printable, no script), the difference the shrinking lifetimes make, and the ledger rows every
/// figure traces to. Figures are `Money` and `Points` (exact), printed by their own `description`; the chart's geometry is whole
/// numbers so the page is byte-identical between runs.
struct FinanceView {
    static let barWidth = 6
    static let plotHeight = 120
    static let margin = 24

    let model: ReportModel
    let rowLimit: Int

    /// Renewals, money and points, summed.
    struct Totals {
        var renewals = 0
        var amount = Money.zero
        var points = Points.zero

        static func + (lhs: Totals, rhs: Totals) -> Totals {
            Totals(
                renewals: lhs.renewals + rhs.renewals, amount: lhs.amount + rhs.amount, points: lhs.points + rhs.points)
        }
    }

    /// One month, both policies summed over every account.
    struct MonthTotals {
        var month: String
        var cabf = Totals()
        var oneYear = Totals()
    }

    var months: [MonthTotals] {
        var byMonth: [String: MonthTotals] = [:]
        for row in model.forecast {
            var totals = byMonth[row.month] ?? MonthTotals(month: row.month)
            let figures = Totals(renewals: row.renewals, amount: row.amount, points: row.points)
            if row.policy == SuccessorValidityPolicy.cabf.rawValue {
                totals.cabf = totals.cabf + figures
            } else {
                totals.oneYear = totals.oneYear + figures
            }
            byMonth[row.month] = totals
        }
        // Every month of the forecast, renewals or not, so the chart's bars stand in time order.
        var all: [MonthTotals] = []
        var month = model.forecastMonths.first
        while !month.isEmpty, month <= model.forecastMonths.last {
            all.append(byMonth[month] ?? MonthTotals(month: month))
            month = Self.month(after: month)
        }
        return all
    }

    /// One month of points consumed to date, from points_ledger.csv's `consume` rows, with their lines.
    struct ConsumedMonth {
        var month: String
        var points: Int64 = 0
        var lines: [Int] = []
    }

    /// Every month from the ledger's first `consume` row to the as-of month, none skipped, so the
    /// chart's bars stand in time order and a month without consumption shows as zero.
    var consumedMonths: [ConsumedMonth] {
        var byMonth: [String: ConsumedMonth] = [:]
        for row in model.ledger where row.kind == LedgerEntry.Kind.consume.rawValue {
            let month = String(row.date.prefix(7))
            byMonth[month, default: ConsumedMonth(month: month)].points += Int64(row.points) ?? 0
            byMonth[month, default: ConsumedMonth(month: month)].lines.append(row.line)
        }
        guard var month = byMonth.keys.min() else { return [] }
        let last = max(String(model.header.asOf.prefix(7)), byMonth.keys.max() ?? month)
        var all: [ConsumedMonth] = []
        while month <= last {
            all.append(byMonth[month] ?? ConsumedMonth(month: month))
            month = Self.month(after: month)
        }
        return all
    }

    /// A chart of months: per month a group of bars side by side, one per series (its `policy` is
    /// the bar's class), all scaled to the largest value, a label every six months. `maximum` is
    /// that value, for the caption.
    static func monthChart(
        _ months: [String], series: [(policy: String, values: [Int64])], title: (_ month: Int, _ series: Int) -> String
    ) -> MonthChartView<Int64> {
        let maximum = max(1, series.flatMap(\.values).max() ?? 0)
        let step = barWidth * 2 + 4
        let width = barWidth * 2 / max(1, series.count)
        var bars: [MonthBarView] = []
        for index in months.indices {
            for (number, line) in series.enumerated() {
                let height = Int(line.values[index] * Int64(plotHeight) / maximum)
                bars.append(
                    MonthBarView(
                        policy: line.policy, x: margin + index * step + number * width,
                        y: margin + plotHeight - height, height: height, width: width, title: title(index, number)))
            }
        }
        return MonthChartView(
            width: margin * 2 + max(1, months.count) * step, height: margin * 2 + plotHeight + 10,
            baseline: margin + plotHeight, labelY: margin + plotHeight + 14, bars: bars, maximum: maximum,
            labels: months.enumerated().compactMap { index, month in
                index % 6 == 0 ? ChartLabelView(x: margin + index * step, text: month) : nil
            })
    }

    /// The consumption chart: one bar per month.
    static func consumedChart(_ months: [ConsumedMonth]) -> MonthChartView<Int64> {
        monthChart(months.map(\.month), series: [("consumed", months.map(\.points))]) { index, _ in
            "\(months[index].month): \(months[index].points) points"
        }
    }

    static let chartWidth = 600
    static let chartHeight = 80

    /// One account's money (solid) and points (dashed) over the horizon as step lines, each scaled
    /// to its own largest value; the figures are in the title and the caption.
    func accountChart(_ history: ReportAccountHistory) -> AccountChartView {
        let days = max(1, model.header.horizonDays)
        let maxFen = max(1, history.points.compactMap(\.balance?.fen).max() ?? 0)
        let maxPoints = max(1, history.points.map(\.points.count).max() ?? 0)
        func line(_ value: (ReportAccountHistory.Point) -> Int64?, maximum: Int64) -> String {
            func y(_ figure: Int64) -> Int {
                Self.margin + Self.chartHeight - Int(figure * Int64(Self.chartHeight) / maximum)
            }
            var coordinates: [String] = []
            var last: Int64?
            for point in history.points {
                guard let figure = value(point) else { continue }
                let x = Self.margin + point.day * Self.chartWidth / days
                if let last { coordinates.append("\(x),\(y(last))") }
                coordinates.append("\(x),\(y(figure))")
                last = figure
            }
            if let last { coordinates.append("\(Self.margin + Self.chartWidth),\(y(last))") }
            return coordinates.joined(separator: " ")
        }
        let first = history.points.first
        let final = history.points.last
        return AccountChartView(
            account: history.account, width: Self.margin * 2 + Self.chartWidth,
            height: Self.margin * 2 + Self.chartHeight, money: line({ $0.balance?.fen }, maximum: maxFen),
            points: line({ $0.points.count }, maximum: maxPoints),
            hasMoney: history.points.contains { $0.balance != nil },
            startBalance: first?.balance?.description ?? "not known",
            endBalance: final?.balance?.description ?? "not known",
            startPoints: (first?.points ?? .zero).description, endPoints: (final?.points ?? .zero).description,
            endDate: final?.date ?? "",
            left: Self.margin, right: Self.margin + Self.chartWidth,
            labelY: Self.margin * 2 + Self.chartHeight - 6,
            firstDate: first?.date ?? "", lastDate: "+\(days) days",
            changes: history.points.count == 2 ? "1 change" : "\(max(0, history.points.count - 1)) changes")
    }

    /// `YYYY-MM` of the month after `month`.
    static func month(after month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return "9999-99" }
        let (year, next) = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return "\(year)-\(next < 10 ? "0" : "")\(next)"
    }

    var context: FinancePageView {
        let months = self.months
        let consumed = consumedMonths
        let chart = Self.monthChart(
            months.map(\.month),
            series: [("cabf", months.map(\.cabf.amount.fen)), ("one-year", months.map(\.oneYear.amount.fen))]
        ) { index, series in
            let (policy, amount) =
                series == 0 ? ("cabf", months[index].cabf.amount) : ("one-year", months[index].oneYear.amount)
            return "\(months[index].month), \(policy): \(amount) CNY"
        }
        let cabf = months.reduce(Totals()) { $0 + $1.cabf }
        let oneYear = months.reduce(Totals()) { $0 + $1.oneYear }
        return FinancePageView(
            generator: model.header.generator, asOf: model.header.asOf, timezone: model.header.timeZone,
            firstMonth: model.forecastMonths.first, lastMonth: model.forecastMonths.last,
            accounts: model.accounts.map(AccountView.init), hasAccounts: !model.accounts.isEmpty,
            packages: model.packages.map(PackageView.init), hasPackages: !model.packages.isEmpty,
            months: months.map { month in
                ForecastMonthView(
                    month: month.month, cabfRenewals: month.cabf.renewals,
                    cabfAmount: month.cabf.amount.description, cabfPoints: month.cabf.points.description,
                    oneYearRenewals: month.oneYear.renewals, oneYearAmount: month.oneYear.amount.description,
                    oneYearPoints: month.oneYear.points.description,
                    difference: (month.cabf.amount - month.oneYear.amount).description)
            },
            hasMonths: !months.isEmpty,
            // The caption shows the tallest month in CNY.
            chart: chart.showing(maximum: Money(fen: chart.maximum).description),
            cabfRenewals: cabf.renewals, cabfAmount: cabf.amount.description,
            cabfPoints: cabf.points.description, oneYearRenewals: oneYear.renewals,
            oneYearAmount: oneYear.amount.description, oneYearPoints: oneYear.points.description,
            extraRenewals: cabf.renewals - oneYear.renewals,
            extraAmount: (cabf.amount - oneYear.amount).description,
            extraPoints: (cabf.points - oneYear.points).description,
            accountCharts: model.accountHistory.prefix(rowLimit).map(accountChart),
            hasAccountCharts: !model.accountHistory.isEmpty,
            ledger: model.ledger.prefix(rowLimit).map(LedgerRowView.init),
            consumed: consumed.map { month in
                ConsumedMonthView(
                    month: month.month, points: month.points,
                    lines: month.lines.map(String.init).joined(separator: ", "))
            },
            hasConsumed: !consumed.isEmpty, consumedChart: Self.consumedChart(consumed),
            hasLedger: !model.ledger.isEmpty, ledgerTruncated: model.ledger.count > rowLimit,
            ledgerShown: min(rowLimit, model.ledger.count), ledgerTotal: model.ledger.count)
    }
}
