import CertAuditCore

/// What finance.html shows, for a reader who opens nothing else: balances and shortfalls, packages
/// and forfeits, the renewals ahead month by month under both successor-validity policies (an inline
/// SVG, printable, no script), the difference the shrinking lifetimes make, and the ledger rows every
/// figure traces to. Figures are the report model's exact decimals; the chart's geometry is whole
/// numbers so the page is byte-identical between runs.
struct FinanceView {
    static let barWidth = 6
    static let plotHeight = 120
    static let margin = 24

    let model: ReportModel
    let rowLimit: Int

    /// One month, both policies summed over every account.
    struct MonthTotals {
        var month: String
        var cabf = (renewals: 0, fen: Int64(0), points: Int64(0))
        var oneYear = (renewals: 0, fen: Int64(0), points: Int64(0))
    }

    var months: [MonthTotals] {
        var byMonth: [String: MonthTotals] = [:]
        for row in model.forecast {
            var totals = byMonth[row.month] ?? MonthTotals(month: row.month)
            let fen = Self.fen(row.amount)
            let points = Int64(row.points) ?? 0
            if row.policy == "cabf" {
                totals.cabf = (totals.cabf.renewals + row.renewals, totals.cabf.fen + fen, totals.cabf.points + points)
            } else {
                totals.oneYear = (
                    totals.oneYear.renewals + row.renewals, totals.oneYear.fen + fen, totals.oneYear.points + points
                )
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
    ) -> [String: Any] {
        let maximum = max(1, series.flatMap(\.values).max() ?? 0)
        let step = barWidth * 2 + 4
        let width = barWidth * 2 / max(1, series.count)
        var bars: [[String: Any]] = []
        for index in months.indices {
            for (number, line) in series.enumerated() {
                let height = Int(line.values[index] * Int64(plotHeight) / maximum)
                bars.append([
                    "policy": line.policy, "x": margin + index * step + number * width,
                    "y": margin + plotHeight - height, "height": height, "width": width, "title": title(index, number),
                ])
            }
        }
        return [
            "width": margin * 2 + max(1, months.count) * step, "height": margin * 2 + plotHeight + 10,
            "baseline": margin + plotHeight, "labelY": margin + plotHeight + 14, "bars": bars, "maximum": maximum,
            "labels": months.enumerated().compactMap { index, month -> [String: Any]? in
                index % 6 == 0 ? ["x": margin + index * step, "text": month] : nil
            },
        ]
    }

    /// The consumption chart: one bar per month.
    var consumedChart: [String: Any] {
        let months = consumedMonths
        return Self.monthChart(months.map(\.month), series: [("consumed", months.map(\.points))]) { index, _ in
            "\(months[index].month): \(months[index].points) points"
        }
    }

    static let chartWidth = 600
    static let chartHeight = 80

    /// One account's money (solid) and points (dashed) over the horizon as step lines, each scaled
    /// to its own largest value; the figures are in the title and the caption.
    func accountChart(_ history: ReportAccountHistory) -> [String: Any] {
        let days = max(1, model.header.horizonDays)
        let maxFen = max(1, history.points.compactMap(\.balanceFen).max() ?? 0)
        let maxPoints = max(1, history.points.map(\.points).max() ?? 0)
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
        return [
            "account": history.account, "width": Self.margin * 2 + Self.chartWidth,
            "height": Self.margin * 2 + Self.chartHeight, "money": line({ $0.balanceFen }, maximum: maxFen),
            "points": line({ $0.points }, maximum: maxPoints),
            "hasMoney": history.points.contains { $0.balanceFen != nil },
            "startBalance": first?.balanceFen.map(Self.money) ?? "not known",
            "endBalance": final?.balanceFen.map(Self.money) ?? "not known",
            "startPoints": first?.points ?? 0, "endPoints": final?.points ?? 0, "endDate": final?.date ?? "",
            "left": Self.margin, "right": Self.margin + Self.chartWidth,
            "labelY": Self.margin * 2 + Self.chartHeight - 6,
            "firstDate": first?.date ?? "", "lastDate": "+\(days) days",
            "changes": history.points.count == 2 ? "1 change" : "\(max(0, history.points.count - 1)) changes",
        ]
    }

    /// `YYYY-MM` of the month after `month`.
    static func month(after month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return "9999-99" }
        let (year, next) = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return "\(year)-\(next < 10 ? "0" : "")\(next)"
    }

    /// Fen from the model's two-decimal text (exact; no floating point).
    static func fen(_ text: String) -> Int64 {
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".")
        let yuan = Int64(parts.first ?? "0") ?? 0
        let cents = parts.count > 1 ? Int64(parts[1]) ?? 0 : 0
        return (negative ? -1 : 1) * (yuan * 100 + cents)
    }

    static func money(_ fen: Int64) -> String {
        let magnitude = fen.magnitude
        return "\(fen < 0 ? "-" : "")\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }

    var context: [String: Any] {
        let months = self.months
        var chart = Self.monthChart(
            months.map(\.month), series: [("cabf", months.map(\.cabf.fen)), ("one-year", months.map(\.oneYear.fen))]
        ) { index, series in
            let (policy, fen) = series == 0 ? ("cabf", months[index].cabf.fen) : ("one-year", months[index].oneYear.fen)
            return "\(months[index].month), \(policy): \(Self.money(fen)) CNY"
        }
        chart["maximum"] = Self.money(chart["maximum"] as? Int64 ?? 0)
        let cabf = months.reduce((0, Int64(0), Int64(0))) {
            ($0.0 + $1.cabf.renewals, $0.1 + $1.cabf.fen, $0.2 + $1.cabf.points)
        }
        let oneYear = months.reduce((0, Int64(0), Int64(0))) {
            ($0.0 + $1.oneYear.renewals, $0.1 + $1.oneYear.fen, $0.2 + $1.oneYear.points)
        }
        return [
            "generator": model.header.generator, "asOf": model.header.asOf, "timezone": model.header.timeZone,
            "firstMonth": model.forecastMonths.first, "lastMonth": model.forecastMonths.last,
            "accounts": model.accounts.map { account -> [String: Any] in
                [
                    "id": account.id, "balance": account.balance ?? "not readable",
                    "shortfall": account.shortfallDate ?? "—",
                ]
            },
            "hasAccounts": !model.accounts.isEmpty,
            "packages": model.packages.map { package -> [String: Any] in
                [
                    "id": package.id, "name": package.name ?? "", "account": package.account ?? "",
                    "total": package.total ?? "", "remaining": package.remaining ?? "",
                    "expires": package.expires ?? "",
                    "status": package.status ?? "", "forfeit": package.forfeit ?? "0",
                ]
            },
            "hasPackages": !model.packages.isEmpty,
            "months": months.map { month -> [String: Any] in
                [
                    "month": month.month, "cabfRenewals": month.cabf.renewals, "cabfAmount": Self.money(month.cabf.fen),
                    "cabfPoints": month.cabf.points, "oneYearRenewals": month.oneYear.renewals,
                    "oneYearAmount": Self.money(month.oneYear.fen), "oneYearPoints": month.oneYear.points,
                    "difference": Self.money(month.cabf.fen - month.oneYear.fen),
                ]
            },
            "hasMonths": !months.isEmpty,
            "chart": chart,
            "cabfRenewals": cabf.0, "cabfAmount": Self.money(cabf.1), "cabfPoints": cabf.2,
            "oneYearRenewals": oneYear.0, "oneYearAmount": Self.money(oneYear.1), "oneYearPoints": oneYear.2,
            "extraRenewals": cabf.0 - oneYear.0, "extraAmount": Self.money(cabf.1 - oneYear.1),
            "extraPoints": cabf.2 - oneYear.2,
            "accountCharts": model.accountHistory.prefix(rowLimit).map(accountChart),
            "hasAccountCharts": !model.accountHistory.isEmpty,
            "ledger": model.ledger.prefix(rowLimit).map { row -> [String: Any] in
                [
                    "date": row.date, "time": row.time, "package": row.package, "kind": row.kind, "points": row.points,
                    "code": row.code ?? "", "certificate": row.certificate ?? "",
                    "transferStatus": row.transferStatus ?? "", "line": row.line,
                ]
            },
            "consumed": consumedMonths.map { month -> [String: Any] in
                [
                    "month": month.month, "points": month.points,
                    "lines": month.lines.map(String.init).joined(separator: ", "),
                ]
            },
            "hasConsumed": !consumedMonths.isEmpty, "consumedChart": consumedChart,
            "hasLedger": !model.ledger.isEmpty, "ledgerTruncated": model.ledger.count > rowLimit,
            "ledgerShown": min(rowLimit, model.ledger.count), "ledgerTotal": model.ledger.count,
        ]
    }
}
