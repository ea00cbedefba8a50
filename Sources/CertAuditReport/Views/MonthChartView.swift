/// A finance chart of months (`{{#chart}}`, `{{#consumedChart}}`): its geometry, bars and labels.
/// `maximum`, for the caption, is the largest value as a number of points, or as CNY (`Money`'s
/// text) for the forecast: the type of each as the caption has always had it.
struct MonthChartView<Maximum> {
    let width: Int
    let height: Int
    let baseline: Int
    let labelY: Int
    let bars: [MonthBarView]
    let maximum: Maximum
    let labels: [ChartLabelView]

    /// The same chart, its largest value shown as `maximum`.
    func showing<Shown>(maximum: Shown) -> MonthChartView<Shown> {
        MonthChartView<Shown>(
            width: width, height: height, baseline: baseline, labelY: labelY, bars: bars, maximum: maximum,
            labels: labels)
    }
}
