import CertAuditCore
import Testing

@testable import CertAuditReport

/// A repeated field whose items rows share (`ItemsSharing`: the timeline's alerts, one list of
/// deliveries per policy) is made once per shared list by the XML and CSV renderers; a row with an
/// equal list of its own, or one whose rows do not share, still gets its own; and the files are the
/// bytes they are without sharing.
@Suite struct ItemsSharingTests {
    struct Row: Sendable {
        var shares: Bool
        var list: [String]
    }

    /// How often the field's items and its CSV cell were made.
    final class Made: @unchecked Sendable {
        var items = 0
        var cells = 0
    }

    static func section(_ made: Made, sharing: Bool) -> ReportSection<Row> {
        ReportSection(
            "rows", row: "row",
            fields: [
                .init("shares", .attribute("shares"), .input) { String($0.shares) },
                .init(
                    "list", children: "item", separator: "; ", csv: { $0["value"] },
                    cell: { row in
                        made.cells += 1
                        return row.list.joined(separator: "; ")
                    },
                    sharing: sharing ? ItemsSharing(list: { $0.shares ? $0.list : nil }) : nil
                ) { row in
                    made.items += 1
                    return row.list.map { ReportListItem([.init("value", $0)]) }
                },
            ])
    }

    /// 50 rounds of one list, another, and the first again in a row that does not share; then a
    /// list equal to the first but of its own storage (made again), then the second and first again.
    static let rows: [Row] = {
        let first = ["x", "y&<"]
        let second = ["z"]
        let rounds = (0..<50).flatMap { _ in
            [Row(shares: true, list: first), Row(shares: true, list: second), Row(shares: false, list: first)]
        }
        let equalToFirst = ["x"] + ["y&<"]
        return rounds + [
            Row(shares: true, list: equalToFirst), Row(shares: true, list: second), Row(shares: true, list: first),
        ]
    }()

    static func xml(_ section: ReportSection<Row>) -> [UInt8] {
        var writer = XMLByteWriter()
        XMLReportRenderer().write(rows, section, into: &writer)
        writer.finish()
        return writer.bytes
    }

    @Test func theXMLMakesSharedItemsOncePerList() {
        let shared = Made()
        let own = Made()
        let sharedXML = Self.xml(Self.section(shared, sharing: true))
        #expect(sharedXML == Self.xml(Self.section(own, sharing: false)))
        #expect(own.items == Self.rows.count)
        #expect(shared.items == 1 + 1 + 50 + 1)
        let text = String(decoding: sharedXML, as: UTF8.self)
        let lastThree = [
            #"  <row shares="true">"#, #"    <item value="x"/>"#, #"    <item value="y&amp;&lt;"/>"#, "  </row>",
            #"  <row shares="true">"#, #"    <item value="z"/>"#, "  </row>",
            #"  <row shares="true">"#, #"    <item value="x"/>"#, #"    <item value="y&amp;&lt;"/>"#, "  </row>",
            "</rows>", "",
        ]
        #expect(text.hasSuffix(lastThree.joined(separator: "\n")))
    }

    @Test func theCSVMakesSharedCellsOncePerList() {
        let shared = Made()
        let own = Made()
        let sharedCSV = CSVReportRenderer().document(Self.rows, Self.section(shared, sharing: true))
        #expect(sharedCSV == CSVReportRenderer().document(Self.rows, Self.section(own, sharing: false)))
        #expect(own.cells == Self.rows.count)
        #expect(shared.cells == 1 + 1 + 50 + 1)
        #expect(String(decoding: sharedCSV, as: UTF8.self).hasSuffix("true,z\r\ntrue,x; y&<\r\n"))
    }

    /// Past `listLimit` lists, a new list's rows make their own values (the memory stays bounded),
    /// and the output is the same; the lists kept before are still found (the table grew past them).
    @Test func pastTheListLimitNewListsMakeTheirOwn() {
        let limit = SharedValues<Row, String?>.listLimit
        let lists = (0..<limit).map { ["x\($0)"] }
        let late = ["late"]
        let rows =
            lists.map { Row(shares: true, list: $0) } + Array(repeating: Row(shares: true, list: late), count: 3)
            + lists.map { Row(shares: true, list: $0) }
        let shared = Made()
        let own = Made()
        let sharedCSV = CSVReportRenderer().document(rows, Self.section(shared, sharing: true))
        #expect(sharedCSV == CSVReportRenderer().document(rows, Self.section(own, sharing: false)))
        #expect(shared.cells == limit + 3)
    }

    /// The timeline's alerts: one policy whose list of deliveries changes from one day to the next
    /// (a different receiver); each event's XML and CSV show its own.
    @Test func anAlertWhosePolicysListChangesShowsItsOwn() throws {
        let lists = [
            [AlertDelivery(receiver: "ops", channel: "email", deliverable: true)],
            [AlertDelivery(receiver: "sec", channel: "sms", deliverable: false)],
        ]
        let events = (0..<6).map { day in
            TimelineEvent(
                date: LocalDate(daysSinceEpoch: 20_000 + Int64(day)), kind: .alert, certificateID: "c1",
                policyID: "p1", times: 1, deliveries: lists[day / 2 % 2])
        }
        let model = ReportModel(
            estate: Estate(certificates: []), findings: [], settings: ReportFixtures.settings, rules: [],
            runSettings: [], timeline: Timeline(events))
        let xml = String(decoding: try XMLReportRenderer().render(model), as: UTF8.self)
        let receivers = xml.split(separator: "\n").filter { $0.contains("<delivery ") }.map {
            $0.contains(#"receiver="ops""#) ? "ops" : "sec"
        }
        #expect(receivers == ["ops", "ops", "sec", "sec", "ops", "ops"])
        let csv = String(decoding: CSVReportRenderer().timeline(model), as: UTF8.self)
        #expect(csv.components(separatedBy: "ops email deliverable").count - 1 == 4)
        #expect(csv.components(separatedBy: "sec sms undeliverable").count - 1 == 2)
    }
}
