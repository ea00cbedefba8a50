/// Where the pages of the full inventory and findings are written, and what they are called:
/// `pages/inventory-0001.html`, … Known without rendering anything, so `report.html` links to the
/// first page and the writer lays out the folder from the same names.
enum HTMLPageNames {
    static let folder = "pages"
    static let inventory = "inventory"
    static let findings = "findings"

    /// A page's file name inside the folder: the title and the page number on four digits.
    static func fileName(_ title: String, page: Int) -> String {
        let number = String(page)
        return title + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".html"
    }

    /// The first page's path inside the output folder.
    static func firstPage(_ title: String) -> String { folder + "/" + fileName(title, page: 1) }
}
