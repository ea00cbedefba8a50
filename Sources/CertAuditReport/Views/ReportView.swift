internal import Mustache

/// Everything `report.html.mustache` and its partials read, by the names they use. Mustache finds a
/// name among these stored properties; one that is nil is absent, and the name is then looked up in
/// the enclosing context, as it is for one not here. Texts the templates print are empty rather than
/// nil; only those tested with `{{#name}}` are optional.
struct ReportView: MustacheParent {
    // The header.
    let generator: String
    let asOf: String
    let asOfDate: String
    let timezone: String
    let horizonDays: Int
    let schemaVersion: Int

    // The summary. `counts` is keyed by the summary's names, `.` made `_` (`findings_critical`):
    // names that come from the data, so it stays a dictionary, of numbers only.
    let counts: [String: Int]
    let summary: [SummaryCountView]

    // Findings, the rule reference and the timeline.
    let findingGroups: [FindingGroupView]
    let hasFindings: Bool
    let findingsTruncated: Bool
    let findingsShown: Int
    let findingsTotal: Int
    let rules: [RuleView]
    let hasRules: Bool
    let timelineDays: [TimelineDayView]
    let hasTimeline: Bool
    let timelineTruncated: Bool
    let timelineShown: Int

    // Outages.
    let outagesTruncated: Bool
    let outagesShown: Int
    let outagesTotal: Int
    let outages: [OutageView]
    let hasOutages: Bool
    let calendar: OutageCalendarView

    // The pages of the full inventory and findings: the first page's path, empty when there are none.
    let inventoryPages: String
    let findingsPages: String

    // Inventory; `inventoryHeadings` is markup (`HTMLReportRenderer.tableMarkup`).
    let inventory: [HTMLTableRow]
    let inventoryHeadings: String
    let hasInventory: Bool
    let inventoryTruncated: Bool
    let inventoryShown: Int
    let inventoryTotal: Int

    // Data quality, operations and the run manifest; `operationHeadings` is markup.
    let quarantine: [QuarantineRowView]
    let hasQuarantine: Bool
    let operations: [HTMLTableRow]
    let operationHeadings: String
    let hasOperations: Bool
    let operationsTruncated: Bool
    let operationsShown: Int
    let operationsTotal: Int
    let inputs: [InputView]
    let settings: [SettingView]
    let chart: ExpiryChartView
    let acceptances: [AcceptanceView]
    let hasAcceptances: Bool

    // Since the last run (`partials/changes`).
    let changesCompared: Bool
    let changesNew: Int
    let changesResolved: Int
    let changesOpen: Int
    /// Empty when there is no baseline.
    let changesBaselineAsOf: String
    let changedFindings: [ChangedFindingView]
    let hasChangedFindings: Bool
    let changedCertificates: [ChangedCertificateView]
    let hasChangedCertificates: Bool
    let changedOperations: [ChangedOperationView]
    let hasChangedOperations: Bool
    /// Why nothing was compared; nil, so absent to `{{#changesNote}}`, when there is no note.
    let changesNote: String?

    /// Each property by its name, as `Mirror` would find it, without making a mirror per lookup
    /// (`MustacheViewTests` holds the names to the properties).
    func child(named name: String) -> Any? {
        switch name {
        case "generator": generator
        case "asOf": asOf
        case "asOfDate": asOfDate
        case "timezone": timezone
        case "horizonDays": horizonDays
        case "schemaVersion": schemaVersion
        case "counts": counts
        case "summary": summary
        case "findingGroups": findingGroups
        case "hasFindings": hasFindings
        case "findingsTruncated": findingsTruncated
        case "findingsShown": findingsShown
        case "findingsTotal": findingsTotal
        case "rules": rules
        case "hasRules": hasRules
        case "timelineDays": timelineDays
        case "hasTimeline": hasTimeline
        case "timelineTruncated": timelineTruncated
        case "timelineShown": timelineShown
        case "outagesTruncated": outagesTruncated
        case "outagesShown": outagesShown
        case "outagesTotal": outagesTotal
        case "outages": outages
        case "hasOutages": hasOutages
        case "calendar": calendar
        case "inventoryPages": inventoryPages
        case "findingsPages": findingsPages
        case "inventory": inventory
        case "inventoryHeadings": inventoryHeadings
        case "hasInventory": hasInventory
        case "inventoryTruncated": inventoryTruncated
        case "inventoryShown": inventoryShown
        case "inventoryTotal": inventoryTotal
        case "quarantine": quarantine
        case "hasQuarantine": hasQuarantine
        case "operations": operations
        case "operationHeadings": operationHeadings
        case "hasOperations": hasOperations
        case "operationsTruncated": operationsTruncated
        case "operationsShown": operationsShown
        case "operationsTotal": operationsTotal
        case "inputs": inputs
        case "settings": settings
        case "chart": chart
        case "acceptances": acceptances
        case "hasAcceptances": hasAcceptances
        case "changesCompared": changesCompared
        case "changesNew": changesNew
        case "changesResolved": changesResolved
        case "changesOpen": changesOpen
        case "changesBaselineAsOf": changesBaselineAsOf
        case "changedFindings": changedFindings
        case "hasChangedFindings": hasChangedFindings
        case "changedCertificates": changedCertificates
        case "hasChangedCertificates": hasChangedCertificates
        case "changedOperations": changedOperations
        case "hasChangedOperations": hasChangedOperations
        case "changesNote": changesNote
        default: nil
        }
    }
}
