extension ReportOperation {
    /// The requested operations and their verdicts (`<operations>`, `operations.csv`, the HTML table).
    /// An operation's reasons are `effect RULE: message`, joined with ` | ` in the CSV.
    public static let section = ReportSection<ReportOperation>(
        "operations", row: "operation", htmlRowClass: { "verdict-\($0.verdict)" },
        fields: [
            .init(
                "requested-at", .attribute("requested-at"),
                html: HTMLColumn("Requested at", classes: "date", format: .time)
            ) { $0.requestedAt },
            .init(
                "line", .attribute("line"), schemaType: "xs:positiveInteger",
                html: HTMLColumn("Line", classes: "number")
            ) { String($0.line) },
            .init("certificate", .attribute("certificate"), .input, html: HTMLColumn("Certificate", classes: "mono")) {
                $0.certificate
            },
            .init("kind", .attribute("kind"), html: HTMLColumn("Operation")) { $0.kind },
            .init("requested-by", .attribute("requested-by"), .input, html: HTMLColumn("Requested by")) {
                $0.requestedBy
            },
            .init(
                "verdict", .attribute("verdict"), schemaType: "r:Verdict",
                html: HTMLColumn("Verdict", classes: "verdict")
            ) { $0.verdict },
            .init("rule", .attribute("rule"), .input) { $0.rule },
            .init(
                "reasons", children: "reason", separator: " | ", html: HTMLColumn("Reasons", format: .reasons),
                csv: { "\($0["effect"]) \($0["rule"]): \($0.text ?? "")" }
            ) { operation in
                operation.reasons.map {
                    ReportListItem([.init("rule", $0.rule), .init("effect", $0.effect)], text: $0.message)
                }
            },
        ])
}
