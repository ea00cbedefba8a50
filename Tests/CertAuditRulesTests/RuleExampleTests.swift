import CertAuditCore
import Testing

@testable import CertAuditRules

/// Every rule's own examples drive its tests: passing examples stay quiet, failing examples fire.
struct RuleExampleTests {
    static let rules = RuleCatalogue.rules.map(RuleUnderTest.init)

    @Test("passing examples stay quiet", arguments: rules)
    func passingExamplesStayQuiet(_ rule: RuleUnderTest) {
        #expect(!rule.rule.examples.passing.isEmpty, "\(rule) has no passing example")
        for example in rule.rule.examples.passing {
            let findings = RuleRunner(rules: [rule.rule]).run(
                RuleContext(estate: example.estate, settings: example.settings))
            #expect(findings.isEmpty, "\(rule): '\(example.name)' produced \(findings.map(\.message))")
        }
    }

    @Test("failing examples fire", arguments: rules)
    func failingExamplesFire(_ rule: RuleUnderTest) {
        #expect(!rule.rule.examples.failing.isEmpty, "\(rule) has no failing example")
        for example in rule.rule.examples.failing {
            let findings = RuleRunner(rules: [rule.rule]).run(
                RuleContext(estate: example.estate, settings: example.settings))
            #expect(!findings.isEmpty, "\(rule): '\(example.name)' produced no finding")
            #expect(findings.allSatisfy { $0.ruleID == rule.description }, "\(rule): wrong rule ID")
            #expect(findings.allSatisfy { !$0.message.isEmpty })
        }
    }

    @Test("every rule has complete metadata", arguments: rules)
    func metadataIsComplete(_ rule: RuleUnderTest) {
        let descriptor = rule.rule.descriptor
        #expect(!descriptor.title.isEmpty)
        #expect(!descriptor.citation.isEmpty)
        #expect(!descriptor.summary.isEmpty)
        #expect(descriptor.status == .implemented)
    }
}

/// Wraps a rule so that parameterised tests can name it.
struct RuleUnderTest: CustomStringConvertible, Sendable {
    let rule: any Rule
    var description: String { rule.descriptor.id }
}
