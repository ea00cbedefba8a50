import CertAuditRules
import Foundation
import Testing

/// docs/rules.md (`certaudit rules --format markdown`) carries each rule's full text and sources,
/// so the repository stands on its own.
struct RuleReferenceCommandLineTests {
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func theReferenceCarriesEveryRulesFullTextAndSources() throws {
        let outcome = try CommandLineTests.run(["rules", "--format", "markdown"])
        #expect(outcome.status == 0)
        for rule in RuleCatalogue.descriptors {
            let section = try #require(
                outcome.stdout.components(separatedBy: "\n### \(rule.id.rawValue): ").dropFirst().first,
                "\(rule.id) has no section")
            let body = section.components(separatedBy: "\n### ").first ?? section
            #expect(body.contains("> " + (RuleCatalogue.fullText(of: rule.id) ?? rule.summary)), "\(rule.id)")
            for citation in rule.citations { #expect(body.contains("- " + citation.text), "\(rule.id)") }
        }
    }

    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func theJSONCatalogueGivesEachSourceAndItsAddress() throws {
        let outcome = try CommandLineTests.run(["rules", "--format", "json"])
        let rules = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let maximum = try #require(rules.first { $0["id"] as? String == "BR-MAX-VALIDITY" })
        let sources = try #require(maximum["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["address"] as? String }.contains { $0.contains("rfc5280#section-4.1.2.5") })
        #expect((maximum["fullText"] as? String)?.contains("ballot SC-081") == true)
    }
}
