import CertAuditCSV
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A published report folder read back the way its users read it: `report.xml`'s certificates,
/// findings, operations and quarantine, and `operations.csv`'s rows, so that tests check the files
/// and not the values the run had in memory.
struct PublishedReport {
    struct Finding: Hashable {
        let rule: String
        let severity: String
        let certificate: String?
        var resource: String? = nil
        var date: String? = nil
    }

    /// One `<reason>` of an operation, or one `effect RULE: message` part of its CSV `reasons` cell.
    struct Reason: Hashable, CustomStringConvertible {
        let effect: String
        let rule: String

        var description: String { "\(effect) \(rule)" }
    }

    struct Operation {
        let line: Int
        let certificate: String
        let kind: String
        let verdict: String
        /// The `rule` attribute or column: the first denying rule.
        let rule: String?
        let reasons: [Reason]

        func rules(_ effect: String) -> [String] { reasons.filter { $0.effect == effect }.map(\.rule) }
    }

    struct QuarantineRecord: Hashable {
        let input: String
        let line: Int
        let rule: String?
    }

    /// Certificate ID → chain status (`""` for a certificate without a chain element).
    var chains: [String: String] = [:]
    var findings: [Finding] = []
    var operations: [Operation] = []
    var quarantine: [QuarantineRecord] = []
    /// The `<summary>` counts by name.
    var counts: [String: Int] = [:]
    /// The rows of `operations.csv`.
    var operationRows: [Operation] = []

    init(folder: URL) throws {
        let xml = try Data(contentsOf: folder.appendingPathComponent("report.xml"))
        let reader = ReportXMLReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        try #require(parser.parse(), "report.xml does not parse: \(String(describing: parser.parserError))")
        chains = reader.chains
        findings = reader.findings
        operations = reader.operations
        quarantine = reader.quarantine
        counts = reader.counts
        operationRows = try Self.operationRows(
            try Data(contentsOf: folder.appendingPathComponent("operations.csv")))
    }

    /// operations.csv: a BOM, a header, then one row per request; `reasons` is
    /// `denies RULE: message | requires RULE: message…`.
    static func operationRows(_ data: Data) throws -> [Operation] {
        let bytes = [UInt8](data)
        try #require(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "operations.csv has no BOM")
        let document = CSVDocument.rows(of: Array(bytes.dropFirst(3)))
        guard case .record(_, let header) = document.header else {
            Issue.record("operations.csv has no header")
            return []
        }
        try #require(
            header == ["requested-at", "line", "certificate", "kind", "requested-by", "verdict", "rule", "reasons"])
        return try document.rows.map { row in
            guard case .record(_, let fields) = row, fields.count == header.count else {
                Issue.record("operations.csv: malformed row \(row)")
                return Operation(line: 0, certificate: "", kind: "", verdict: "", rule: nil, reasons: [])
            }
            let reasons =
                try fields[7].isEmpty
                ? []
                : fields[7].components(separatedBy: " | ").map { part -> Reason in
                    let words = part.split(separator: " ", maxSplits: 2).map(String.init)
                    try #require(words.count == 3 && words[1].hasSuffix(":"), "operations.csv reason: \(part)")
                    return Reason(effect: words[0], rule: String(words[1].dropLast()))
                }
            return Operation(
                line: try #require(Int(fields[1])), certificate: fields[2], kind: fields[3], verdict: fields[5],
                rule: fields[6].isEmpty ? nil : fields[6], reasons: reasons)
        }
    }
}

/// Collects the elements of report.xml that tests compare (namespace-unaware: the report has one).
private final class ReportXMLReader: NSObject, XMLParserDelegate {
    var chains: [String: String] = [:]
    var findings: [PublishedReport.Finding] = []
    var operations: [PublishedReport.Operation] = []
    var quarantine: [PublishedReport.QuarantineRecord] = []
    var counts: [String: Int] = [:]
    private var certificate: String?
    private var operation: [String: String]?
    private var reasons: [PublishedReport.Reason] = []
    private var inQuarantine = false
    private var inSummary = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "certificate" where attributes["id"] != nil && operation == nil:
            certificate = attributes["id"]
            chains[attributes["id"]!] = ""
        case "chain":
            if let certificate { chains[certificate] = attributes["status"] ?? "" }
        case "finding":
            findings.append(
                PublishedReport.Finding(
                    rule: attributes["rule"] ?? "", severity: attributes["severity"] ?? "",
                    certificate: attributes["certificate"], resource: attributes["resource"], date: attributes["date"]))
        case "operation":
            operation = attributes
            reasons = []
        case "reason":
            if operation != nil {
                reasons.append(
                    PublishedReport.Reason(effect: attributes["effect"] ?? "", rule: attributes["rule"] ?? ""))
            }
        case "quarantine": inQuarantine = true
        case "record" where inQuarantine:
            quarantine.append(
                PublishedReport.QuarantineRecord(
                    input: attributes["input"] ?? "", line: Int(attributes["line"] ?? "") ?? 0, rule: attributes["rule"]
                ))
        case "summary": inSummary = true
        case "count" where inSummary:
            if let name = attributes["name"], let value = attributes["value"].flatMap(Int.init) { counts[name] = value }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "certificate" where operation == nil: certificate = nil
        case "operation":
            if let attributes = operation {
                operations.append(
                    PublishedReport.Operation(
                        line: Int(attributes["line"] ?? "") ?? 0, certificate: attributes["certificate"] ?? "",
                        kind: attributes["kind"] ?? "", verdict: attributes["verdict"] ?? "", rule: attributes["rule"],
                        reasons: reasons))
            }
            operation = nil
        case "quarantine": inQuarantine = false
        case "summary": inSummary = false
        default: break
        }
    }
}
