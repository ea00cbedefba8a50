extension ReportFinding {
    /// The findings (`<findings>`, `findings.csv`, the HTML's finding pages; in `report.html`'s list,
    /// the `code` and `time` columns are each finding's details).
    public static let section = ReportSection<ReportFinding>(
        "findings", row: "finding", htmlRowClass: { "severity-\($0.severity)" },
        fields: [
            .init("rule", .attribute("rule"), .input, schemaType: nil, html: HTMLColumn("Rule", format: .rule)) {
                $0.rule
            },
            .init("severity", .attribute("severity"), schemaType: "r:Severity", html: HTMLColumn("Severity")) {
                $0.severity
            },
            .init("certificate", .attribute("certificate"), .input, html: HTMLColumn("certificate", format: .code)) {
                $0.certificate
            },
            .init("resource", .attribute("resource"), .input, html: HTMLColumn("resource", format: .code)) {
                $0.resource
            },
            .init("package", .attribute("package"), .input, html: HTMLColumn("package", format: .code)) {
                $0.package
            },
            .init("date", .attribute("date"), schemaType: "r:LocalDate", html: HTMLColumn("date", format: .time)) {
                $0.date
            },
            .init("message", .text, .input, html: HTMLColumn("Message", classes: "text")) { $0.message },
        ])
}
