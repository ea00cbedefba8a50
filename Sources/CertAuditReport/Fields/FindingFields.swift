extension ReportFinding {
    /// The findings (`<findings>`, `findings.csv`, the details of each finding in the HTML list).
    public static let section = ReportSection<ReportFinding>(
        "findings", row: "finding",
        fields: [
            .init("rule", .attribute("rule"), .input, schemaType: nil) { $0.rule },
            .init("severity", .attribute("severity"), schemaType: "r:Severity") { $0.severity },
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
            .init("message", .text, .input) { $0.message },
        ])
}
