/// A page's rows put into its rendered template as bytes (`HTMLPager`).
///
/// The page template is rendered with a placeholder for `tableRows`, and the rows' bytes replace it.
/// The rows, 200 MB over the pages at 100,000 certificates, were decoded into a String, copied into
/// Mustache's output and copied out again: some 250 ms of CPU.
enum PageTableSplice {
    /// What the page template is given as `tableRows`.
    static let placeholder = "<certaudit-table-rows/>"

    /// `shell` with `table` in place of each placeholder the template inserted unescaped
    /// (`{{{tableRows}}}`), or nil when the template inserted it some other way (escaped, `{{tableRows}}`:
    /// the page must then be rendered with the rows themselves). No value the pages show can hold the
    /// placeholder: every other value is escaped, so its `<` would be `&lt;`.
    static func splice(_ table: [UInt8], into shell: [UInt8]) -> [UInt8]? {
        let placeholder = Array(Self.placeholder.utf8)
        let name = placeholder.dropFirst().dropLast(2)
        var html: [UInt8] = []
        html.reserveCapacity(shell.count + table.count)
        var copied = shell.startIndex
        var index = shell.startIndex
        while index < shell.endIndex {
            if shell[index...].starts(with: placeholder) {
                html += shell[copied..<index]
                html += table
                index += placeholder.count
                copied = index
            } else if shell[index...].starts(with: name) {
                return nil
            } else {
                index += 1
            }
        }
        html += shell[copied...]
        return html
    }
}
