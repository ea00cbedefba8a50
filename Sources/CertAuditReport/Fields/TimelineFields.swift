extension ReportTimelineEvent {
    /// The simulation's timeline (`<timeline>`, `timeline.csv`). An alert's deliveries are
    /// `receiver channel deliverable|undeliverable`, joined with `; ` after the detail in the CSV's
    /// detail cell; in the XML they are `<delivery>` children.
    public static let section = ReportSection<ReportTimelineEvent>(
        "timeline", row: "event",
        fields: [
            .init("date", .attribute("date"), schemaType: "r:LocalDate") { $0.date },
            .init("kind", .attribute("kind"), schemaType: "r:TimelineKind") { $0.kind },
            .init("certificate", .attribute("certificate"), .input) { $0.certificate },
            .init("resource", .attribute("resource"), .input) { $0.resource },
            .init("account", .attribute("account"), .input) { $0.account },
            .init("package", .attribute("package"), .input) { $0.package },
            .init("amount", .attribute("amount"), schemaType: "r:DecimalText") { $0.amount },
            .init("points", .attribute("points"), schemaType: "r:DecimalText") { $0.points },
            .init("policy", .attribute("policy"), .input) { $0.policy },
            .init("times", .attribute("times"), schemaType: "xs:positiveInteger") { $0.times },
            .init("message", .attribute("message"), schemaType: nil) { $0.message },
            .init("detail", .attribute("detail"), .input) { $0.detail },
            .init(
                "deliveries", children: "delivery", separator: "; ",
                csv: {
                    "\($0["receiver"]) \($0["channel"]) \($0["deliverable"] == "true" ? "deliverable" : "undeliverable")"
                }
            ) { event in
                event.deliveries.map {
                    ReportListItem(
                        [
                            .init("receiver", $0.receiver), .init("channel", $0.channel),
                            .init("deliverable", String($0.deliverable)),
                        ])
                }
            },
        ])
}
