/// Geometry of the inline SVG bar chart of certificates expiring per week over the horizon.
///
/// Computed here in whole numbers so the template only places ready values and the output is
/// byte-identical between runs. The SVG scales with its `viewBox`, so it fits a narrow window.
struct ExpiryChart {
    static let barWidth = 8
    static let gap = 2
    static let plotHeight = 120
    static let margin = 20

    let weeks: [ReportExpiryWeek]
    let alreadyExpired: Int

    var context: ExpiryChartView {
        let maximum = max(1, weeks.map(\.count).max() ?? 0)
        let step = Self.barWidth + Self.gap
        let bars = weeks.enumerated().map { index, week in
            let height = week.count * Self.plotHeight / maximum
            return ExpiryBarView(
                x: Self.margin + index * step, y: Self.margin + Self.plotHeight - height, height: height,
                width: Self.barWidth, start: week.start, count: week.count)
        }
        let labels = weeks.enumerated().compactMap { index, week in
            index % 8 == 0 ? ChartLabelView(x: Self.margin + index * step, text: week.start) : nil
        }
        return ExpiryChartView(
            width: Self.margin * 2 + max(1, weeks.count) * step,
            height: Self.margin * 2 + Self.plotHeight + 10,
            baseline: Self.margin + Self.plotHeight, labelY: Self.margin + Self.plotHeight + 14,
            maximum: maximum, bars: bars, labels: labels, alreadyExpired: alreadyExpired,
            weeks: weeks.count, total: weeks.reduce(0) { $0 + $1.count })
    }
}
