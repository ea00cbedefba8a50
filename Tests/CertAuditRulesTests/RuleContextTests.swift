import CertAuditCore
import Testing

@testable import CertAuditRules

/// The evaluation time is a parameter of the context, not a rewritten setting.
struct RuleContextTests {
    /// Valid until 10 days after the as-of time.
    let certificate = ExampleEstate.certificate(
        bundle: ExampleEstate.bundle(
            ExampleEstate.leaf(notBefore: ExampleEstate.day(-100), notAfter: ExampleEstate.day(10))))

    @Test func theEvaluationTimeIsTheAsOfTimeUnlessGiven() {
        let context = RuleContext(estate: Estate(certificates: []), settings: ExampleEstate.settings)
        #expect(context.evaluatedAt == ExampleEstate.asOf)
        #expect(context.daysUntil(ExampleEstate.day(10)) == 10)
    }

    @Test func rulesJudgeAtTheEvaluationTimeWhileTheSettingsKeepTheAsOfTime() {
        let estate = Estate(certificates: [certificate])
        let now = RuleContext(estate: estate, settings: ExampleEstate.settings)
        let later = RuleContext(estate: estate, settings: ExampleEstate.settings, evaluatedAt: ExampleEstate.day(12))
        #expect(later.settings.asOf == ExampleEstate.asOf)
        #expect(later.daysUntil(ExampleEstate.day(10)) == -2)
        #expect(RuleRunner(rules: [ExpiredRule()]).run(now).isEmpty)
        let expired = RuleRunner(rules: [ExpiredRule()]).run(later)
        #expect(expired.map(\.ruleID) == [.certExpired])
        #expect(expired.first?.message.contains("2 days ago") == true)
        #expect(RuleRunner(rules: [ExpiringRule()]).run(now).map(\.ruleID) == [.certExpiring])
        #expect(RuleRunner(rules: [ExpiringRule()]).run(later).isEmpty)
    }
}
