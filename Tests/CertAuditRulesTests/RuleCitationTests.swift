import CertAuditCore
import Foundation
import Testing

@testable import CertAuditRules

/// Every rule cites sources an auditor can open: the console guide's chapters, Baseline
/// Requirements sections with their ballot, RFC 5280 sections, or this repository's rule reference.
struct RuleCitationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// No citation names a file outside the repository: any `*.md` or path a citation mentions
    /// exists in this checkout, and none points to the spec folder the repository does not ship.
    @Test func noCitationNamesAFileOutsideTheRepository() throws {
        let pathPattern = try Regex(#"[A-Za-z0-9_./-]+\.(md|csv|toml|txt)"#)
        for rule in RuleCatalogue.descriptors {
            #expect(!rule.citations.isEmpty, "\(rule.id) cites nothing")
            let text = rule.citation
            #expect(!text.contains("RULES.md") && !text.contains("INPUTS.md") && !text.contains("spec/"), "\(rule.id)")
            for match in text.matches(of: pathPattern) {
                let path = String(text[match.range])
                #expect(
                    FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(path).path),
                    "\(rule.id) cites \(path), which is not in the repository")
            }
        }
    }

    /// A rule of the spec cites at least one public source; only a check certaudit adds may cite
    /// the repository's rule reference alone.
    @Test func everySpecRuleCitesAPublicSource() {
        let specIDs = Set(RuleCatalogue.specRuleIDs)
        let auditOnly: Set<RuleID> = [.invBadValue, .invUnknownReference]
        for rule in RuleCatalogue.descriptors where specIDs.contains(rule.id) && !auditOnly.contains(rule.id) {
            #expect(rule.citations.contains { $0 != .certauditAuditRule }, "\(rule.id)")
        }
    }

    /// The spec's "(audit rule)"s are certaudit's own checks and say so.
    @Test func theSpecsAuditRulesCiteTheRuleReference() throws {
        for rule in RuleCatalogue.descriptors {
            guard let text = RuleCatalogue.fullText(of: rule.id), text.hasPrefix("(audit rule)") else { continue }
            #expect(rule.citations.contains(.certauditAuditRule), "\(rule.id)")
        }
    }

    @Test func citationsReadAsTheirSources() {
        #expect(
            Citation.consoleGuide(.hosting).text == "SSL certificate console guide, \"证书托管\" (Certificate hosting)")
        #expect(
            Citation.baselineRequirements(section: "6.3.2", ballot: "SC-081v3").text
                == "CA/Browser Forum Baseline Requirements §6.3.2 (ballot SC-081v3)")
        #expect(
            Citation.rfc5280(section: "4.1.2.5").address == "https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5")
        #expect(RuleCatalogue.descriptor(for: .brMaxValidity)?.citations.first?.text.contains("SC-081") == true)
        #expect(RuleCatalogue.descriptor(for: .rvkBefore2020)?.citations == [.consoleGuide(.revocation)])
        #expect(Set(ConsoleGuideChapter.allCases.map(\.chineseTitle)).count == ConsoleGuideChapter.allCases.count)
    }
}
