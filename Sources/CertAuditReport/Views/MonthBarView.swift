/// One bar of a finance month chart (`{{#bars}}`); its `policy` is the bar's class.
struct MonthBarView {
    let policy: String
    let x: Int
    let y: Int
    let height: Int
    let width: Int
    let title: String
}
