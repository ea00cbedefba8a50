/// One account of finance.html (`{{#accounts}}`): its balance and first shortfall, in words when
/// there is none to show.
struct AccountView {
    let id: String
    let balance: String
    let shortfall: String

    init(_ account: ReportAccount) {
        id = account.id
        balance = account.balance ?? "not readable"
        shortfall = account.shortfallDate ?? "—"
    }
}
