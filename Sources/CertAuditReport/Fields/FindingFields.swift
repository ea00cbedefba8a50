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
            .init(
                "date", .attribute("date"), schemaType: "r:LocalDate",
                html: HTMLColumn("date", classes: "date", format: .time)
            ) {
                $0.date
            },
            .init("message", .text, .input, html: HTMLColumn("Message", classes: "text")) { $0.message },
            .init("key", .attribute("key"), .input, schemaType: "r:FindingKey") { $0.key },
            .init("first-seen", .attribute("first-seen"), schemaType: "r:LocalDate") { $0.firstSeen },
            .init("change", .attribute("change"), schemaType: "r:FindingChange") { $0.change },
            .init("acceptance", .attribute("acceptance"), schemaType: "r:AcceptanceState") { $0.acceptance },
            .init("accepted-by", .attribute("accepted-by"), .input) { $0.acceptedBy },
            .init("accepted-until", .attribute("accepted-until"), schemaType: "r:LocalDate") { $0.acceptedUntil },
            .init("acceptance-reason", .attribute("acceptance-reason"), .input) { $0.acceptanceReason },
        ])
}
