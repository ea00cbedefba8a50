/// One source a rule cites (`{{#sources}}`). `address` is nil, and so absent to the template
/// (`{{#address}}` … `{{^address}}`), when the source has no link.
struct RuleSourceView {
    let text: String
    /// Whether a separator goes before it: every source but the first.
    let separator: Bool
    let address: String?

    init(_ source: ReportRuleSource, index: Int) {
        text = source.text
        separator = index > 0
        address = source.address
    }
}
