/// One account's money and points over the horizon (`{{#accountCharts}}`): the step lines' points,
/// and the figures for the title and caption.
struct AccountChartView {
    let account: String
    let width: Int
    let height: Int
    /// The money line's `x,y` points.
    let money: String
    /// The points line's `x,y` points.
    let points: String
    let hasMoney: Bool
    let startBalance: String
    let endBalance: String
    let startPoints: String
    let endPoints: String
    let endDate: String
    let left: Int
    let right: Int
    let labelY: Int
    let firstDate: String
    let lastDate: String
    /// `1 change`, `N changes`.
    let changes: String
}
