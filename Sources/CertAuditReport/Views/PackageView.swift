/// One point package of finance.html (`{{#packages}}`); a figure packages.csv lacks is empty, and
/// a forfeit none is `0`.
struct PackageView {
    let id: String
    let name: String
    let account: String
    let total: String
    let remaining: String
    let expires: String
    let status: String
    let forfeit: String

    init(_ package: ReportPackage) {
        id = package.id
        name = package.name ?? ""
        account = package.account ?? ""
        total = package.total ?? ""
        remaining = package.remaining ?? ""
        expires = package.expires ?? ""
        status = package.status ?? ""
        forfeit = package.forfeit ?? "0"
    }
}
