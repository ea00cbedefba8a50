/// A label under a chart's axis (`{{#labels}}` of the expiry chart, the outage calendar and the
/// finance charts): where it stands and what it says.
struct ChartLabelView {
    let x: Int
    let text: String
}
