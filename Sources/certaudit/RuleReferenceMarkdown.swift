import CertAuditCore
import CertAuditRules

/// `certaudit rules --format markdown`, the body of docs/rules.md: the catalogue as a table, then
/// every rule in full with its sources, then the sources themselves — so the repository carries
/// each rule's text and an auditor can open what it cites.
enum RuleReferenceMarkdown {
    static func text(_ rules: [RuleDescriptor]) -> String {
        var lines = ["| ID | Status | Severity | Title | Checks | Citation |", "|---|---|---|---|---|---|"]
        for rule in rules {
            let checks = RuleCatalogue.scope(of: rule.id) ?? rule.statusNote ?? ""
            let cells = [
                rule.id.rawValue, rule.status.rawValue, rule.defaultSeverity.rawValue, rule.title, checks,
                rule.citation,
            ]
            lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
        }
        lines += ["", "## The rules in full", ""]
        for rule in rules {
            lines += ["### \(rule.id.rawValue): \(rule.title)", ""]
            if let fullText = RuleCatalogue.fullText(of: rule.id) {
                lines += ["> \(fullText)", ""]
                if rule.summary != fullText { lines += ["What certaudit checks: \(rule.summary)", ""] }
            } else {
                lines += ["> \(rule.summary) (a check certaudit adds)", ""]
            }
            if let note = rule.statusNote, rule.status != .implemented {
                lines += ["Status: \(rule.status.rawValue): \(note)", ""]
            }
            lines.append("Sources:")
            for citation in rule.citations {
                lines.append("- " + citation.text + (citation.address.map { " <\($0)>" } ?? ""))
            }
            lines.append("")
        }
        lines += [
            "## Sources", "",
            "The cloud console's SSL certificate management guide (its operating guide), by chapter: the Chinese",
            "title, then an English gloss.", "",
        ]
        for chapter in ConsoleGuideChapter.allCases {
            lines.append("- \(chapter.chineseTitle): \(chapter.englishGloss)")
        }
        lines += [
            "",
            "- CA/Browser Forum, Baseline Requirements for the Issuance and Management of Publicly-Trusted TLS Server "
                + "Certificates, by section and the ballot whose text is cited: "
                + "<https://cabforum.org/working-groups/server/baseline-requirements/documents/>",
            "- RFC 5280, Internet X.509 Public Key Infrastructure Certificate and CRL Profile: "
                + "<https://www.rfc-editor.org/rfc/rfc5280>",
            "- certaudit audit rules: checks this tool adds; their full text is above.", "",
        ]
        return lines.joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
