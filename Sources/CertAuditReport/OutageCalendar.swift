/// Geometry of the outage calendar: one row per resource that serves — or will serve — an expired
/// or revoked certificate within the horizon, one column per week, red from the week it goes out.
/// An inline SVG in whole numbers (byte-identical between runs, scaled by its `viewBox`, printable);
/// each cell's cause is its `<title>` (shown on hover), and the same causes are in the text below.
struct OutageCalendar {
    static let labelWidth = 220
    static let cellWidth = 12
    static let rowHeight = 16
    static let headerHeight = 28
    /// At most this many rows are drawn; the table below lists the first `rowLimit` outages of the
    /// HTML, and every outage is a RES-EXPIRED-BINDING finding.
    static let rowLimit = 200

    let outages: ReportOutages
    /// Start dates of the horizon's weeks, `YYYY-MM-DD`.
    let weeks: [String]

    var context: OutageCalendarView {
        let shown = Array(outages.prefix(Self.rowLimit))
        let rows = shown.enumerated().map { row, outage in
            let y = Self.headerHeight + row * Self.rowHeight
            // The first week whose start is after the outage's first day is the week after it.
            let firstOut = outage.underWay ? 0 : max(0, (weeks.firstIndex { $0 > outage.date } ?? weeks.count) - 1)
            let cause = outage.causes.joined(separator: " → ")
            return OutageCalendarRowView(
                y: y, textY: y + Self.rowHeight - 4, label: "\(outage.resourceType) \(outage.resource)",
                outX: Self.labelWidth + firstOut * Self.cellWidth,
                outWidth: max(0, weeks.count - firstOut) * Self.cellWidth, height: Self.rowHeight - 2,
                title: "\(outage.resource) out from \(outage.date): \(cause)")
        }
        let labels = weeks.enumerated().compactMap { index, start in
            index % 8 == 0 ? ChartLabelView(x: Self.labelWidth + index * Self.cellWidth, text: start) : nil
        }
        let gridWidth = weeks.count * Self.cellWidth
        return OutageCalendarView(
            width: Self.labelWidth + gridWidth + 60,
            height: Self.headerHeight + max(1, shown.count) * Self.rowHeight,
            gridX: Self.labelWidth, gridWidth: gridWidth, rows: rows, labels: labels,
            truncated: outages.count > shown.count, shown: shown.count, total: outages.count)
    }
}
