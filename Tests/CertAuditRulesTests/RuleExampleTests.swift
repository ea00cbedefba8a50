import CertAuditCore
import Testing

@testable import CertAuditRules

/// Every rule's own examples drive its tests: passing examples stay quiet, failing examples fire.
/// A rule "fires" when it makes a finding or, for an operation rule, when it denies a requested
/// operation or attaches a condition to it.
struct RuleExampleTests {
    static let rules = RuleCatalogue.rules.map(RuleUnderTest.init)

    /// What the rule alone says about the example: (rule ID, message) of each finding and reason.
    static func said(by rule: any Rule, on example: RuleExample) -> [(rule: RuleID, message: String)] {
        let context = RuleContext(estate: example.estate, settings: example.settings)
        let findings = RuleRunner(rules: [rule]).run(context).map { ($0.ruleID, $0.message) }
        let reasons = OperationJudge(rules: [rule]).judge(context).flatMap(\.reasons).map { ($0.ruleID, $0.message) }
        return findings + reasons
    }

    @Test("passing examples stay quiet", arguments: rules)
    func passingExamplesStayQuiet(_ rule: RuleUnderTest) {
        #expect(!rule.rule.examples.passing.isEmpty, "\(rule) has no passing example")
        for example in rule.rule.examples.passing {
            let said = Self.said(by: rule.rule, on: example)
            #expect(said.isEmpty, "\(rule): '\(example.name)' produced \(said.map(\.message))")
        }
    }

    @Test("failing examples fire", arguments: rules)
    func failingExamplesFire(_ rule: RuleUnderTest) {
        #expect(!rule.rule.examples.failing.isEmpty, "\(rule) has no failing example")
        for example in rule.rule.examples.failing {
            let said = Self.said(by: rule.rule, on: example)
            #expect(!said.isEmpty, "\(rule): '\(example.name)' produced nothing")
            #expect(said.allSatisfy { $0.rule == rule.rule.descriptor.id }, "\(rule): wrong rule ID")
            #expect(said.allSatisfy { !$0.message.isEmpty })
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
    var description: String { rule.descriptor.id.rawValue }
}
