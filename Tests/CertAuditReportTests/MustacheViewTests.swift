import Mustache
import Testing

@testable import CertAuditReport

/// The views a page repeats hundreds of times answer Mustache's lookups themselves
/// (`MustacheParent`) instead of through a `Mirror` made per lookup. A template may name any of a
/// view's properties — a user's own templates too — so each view must answer every property's name
/// with the value `Mirror` finds, and nothing for a name it does not have (the lookup then goes on
/// to the enclosing context, as it does when `Mirror` finds nothing).
@Suite struct MustacheViewTests {
    static let detail = HTMLDetail(heading: "Resource", format: .code, value: "res-1")

    static func views() -> [any MustacheParent] {
        [
            FindingView(
                rule: "CERT-EXPIRED", severity: "critical", message: "expired <now>", hasRule: true, details: [detail],
                isNew: true, accepted: false, lapsed: true, acceptedBy: "ops", acceptedUntil: "2026-12-31",
                acceptanceReason: "migration"),
            OutageView(
                date: "2026-11-28", resourceType: "CLB", resource: "res-2", certificate: "c-1", causes: ["a", "b"],
                underWay: true),
            OutageCalendarRowView(y: 1, textY: 2, label: "CLB res-2", outX: 3, outWidth: 4, height: 5, title: "out"),
            TimelineEventView(
                kind: "alert", subject: "c-1", resource: "res-3", hasResource: true, amount: "12.00", hasAmount: true,
                detail: "why", hasDetail: false),
            TimelineDayView(date: "2026-11-29", events: []),
            LedgerRowView(
                ReportLedgerRow(
                    date: "2026-01-02", time: "03:04:05", package: "pkg-1", kind: "consume", points: "-5",
                    counterparty: nil, code: "X1", certificate: "c-2", transferStatus: "done", line: 7)),
        ]
    }

    /// The pages' own views, as the renderers make them from a report with every section filled.
    static func pageViews() throws -> [any MustacheParent] {
        let model = ReportFixtures.hostileModel()
        let renderer = try HTMLReportRenderer(templatesDirectory: ReportFixtures.templatesDirectory, rowLimit: 1_000)
        return [
            renderer.context(for: model), FinanceView(model: model, rowLimit: 1_000).context,
            TablePageView(
                generator: "certaudit", asOf: "2026-11-28T00:00:00+08:00", timezone: "Asia/Shanghai",
                title: "findings", heading: "Findings", order: "by severity", csv: "findings.csv", page: 2,
                pages: 3, first: 101, last: 200, total: 250, hasPrevious: true, previous: "findings-0001.html",
                previousNumber: 1, hasNext: true, next: "findings-0003.html", nextNumber: 3, headings: "<th>a</th>",
                rows: [HTMLTableRow(rowClass: "x", cellBytes: Array("<td>1</td>".utf8))], tableRows: "<tr></tr>"),
        ]
    }

    @Test func everyPropertyIsAChildWithMirrorsValue() throws {
        for view in try Self.views() + Self.pageViews() {
            let properties = Mirror(reflecting: view).children.compactMap { child in
                child.label.map { ($0, Self.asMustacheReadsIt(child.value)) }
            }
            #expect(!properties.isEmpty)
            for (name, value) in properties {
                // A property without a value would be answered by nothing, named in the view or not.
                #expect(value != nil, "\(type(of: view)).\(name) is empty in the sample: its name goes unchecked")
                let answered = view.child(named: name).map { String(describing: $0) }
                #expect(answered == value, "\(type(of: view)).\(name)")
            }
            #expect(view.child(named: "noSuchName") == nil)
        }
    }

    /// A property's value as swift-mustache reads it through `Mirror`: an optional is the value it
    /// holds, or nothing.
    static func asMustacheReadsIt(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(describing: value) }
        return mirror.children.first.map { String(describing: $0.value) }
    }
}
