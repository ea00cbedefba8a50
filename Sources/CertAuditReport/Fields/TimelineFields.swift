public import CertAuditCore

extension TimelineEvent {
    /// The simulation's timeline (`<timeline>`, `timeline.csv`), read straight from the simulation's
    /// events: at 100,000 certificates over three years there are millions, and a second,
    /// all-string copy of them would double the run's memory. Input text is cleaned
    /// (`ReportText.clean`) as it is written. An alert's deliveries are
    /// `receiver channel deliverable|undeliverable`, joined with `; ` in the CSV, `<delivery>`
    /// children in the XML, by receiver and channel.
    public static let reportSection = ReportSection<TimelineEvent>(
        "timeline", row: "event",
        fields: [
            .init("date", .attribute("date"), schemaType: "r:LocalDate") { $0.date.description },
            .init("kind", .attribute("kind"), schemaType: "r:TimelineKind") { $0.kind.rawValue },
            .init("certificate", .attribute("certificate"), .input) { ReportText.clean($0.certificateID) },
            .init("resource", .attribute("resource"), .input) { ReportText.clean($0.resourceID) },
            .init("account", .attribute("account"), .input) { ReportText.clean($0.accountID) },
            .init("package", .attribute("package"), .input) { ReportText.clean($0.packageID) },
            .init("amount", .attribute("amount"), schemaType: "r:DecimalText") {
                $0.amountFen.map { Money(fen: $0).description }
            },
            .init("points", .attribute("points"), schemaType: "r:DecimalText") { $0.points.map(String.init) },
            .init("policy", .attribute("policy"), .input) { ReportText.clean($0.policyID) },
            .init("times", .attribute("times"), schemaType: "xs:positiveInteger") { $0.times.map(String.init) },
            .init("message", .attribute("message"), schemaType: nil) {
                $0.messageSent.map { $0 ? "sent" : "not-sent" }
            },
            .init("detail", .attribute("detail"), .input) { $0.detail.isEmpty ? nil : ReportText.clean($0.detail) },
            .init(
                "deliveries", children: "delivery", separator: "; ",
                csv: {
                    var text = ""
                    appendDelivery($0["receiver"], $0["channel"], deliverable: $0["deliverable"] == "true", to: &text)
                    return text
                },
                cell: { event in
                    // The cell written straight from the deliveries: 1.4 million alerts at 100,000
                    // certificates made as many item lists and formatted strings for this one column.
                    let deliveries = orderedDeliveries(event)
                    guard !deliveries.isEmpty else { return nil }
                    // Room for every delivery at once: grown as it was written, the cell was
                    // reallocated several times per alert (a fifth of timeline.csv's CPU).
                    var cell = ""
                    cell.reserveCapacity(
                        deliveries.reduce(0) { $0 + $1.receiver.utf8.count + $1.channel.utf8.count + 17 })
                    for index in deliveries.indices {
                        if index > deliveries.startIndex { cell += "; " }
                        appendDelivery(
                            ReportText.clean(deliveries[index].receiver), ReportText.clean(deliveries[index].channel),
                            deliverable: deliveries[index].deliverable, to: &cell)
                    }
                    return cell
                },
                // An alert's deliveries are its policy's one list, shared by every day it fires.
                sharing: ItemsSharing(list: { $0.kind == .alert ? $0.deliveries : nil })
            ) { event in
                orderedDeliveries(event).map {
                    ReportListItem([
                        .init("receiver", ReportText.clean($0.receiver)),
                        .init("channel", ReportText.clean($0.channel)),
                        .init("deliverable", String($0.deliverable)),
                    ])
                }
            },
        ])

    /// One delivery as the CSV cell reads it, `receiver channel deliverable|undeliverable`: the one
    /// format of the item (read back from the XML) and of the cell written straight from the event.
    private static func appendDelivery(_ receiver: String, _ channel: String, deliverable: Bool, to text: inout String)
    {
        text += receiver
        text += " "
        text += channel
        text += deliverable ? " deliverable" : " undeliverable"
    }

    /// An alert's deliveries by receiver and channel. The simulation gives them in this order already
    /// (one list per policy, shared by all its events): sorted again only when not.
    private static func orderedDeliveries(_ event: TimelineEvent) -> [AlertDelivery] {
        let deliveries = event.deliveries
        return deliveries.isInIncreasingOrder ? deliveries : deliveries.sorted()
    }
}
