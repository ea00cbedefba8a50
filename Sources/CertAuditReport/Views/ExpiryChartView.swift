/// The expiry chart as `partials/chart` reads it (`{{#chart}}`): its geometry, bars and labels.
struct ExpiryChartView {
    let width: Int
    let height: Int
    let baseline: Int
    let labelY: Int
    let maximum: Int
    let bars: [ExpiryBarView]
    let labels: [ChartLabelView]
    let alreadyExpired: Int
    let weeks: Int
    let total: Int
}
