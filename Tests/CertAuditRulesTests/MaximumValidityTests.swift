import CertAuditConsole
import CertAuditCore
import Testing

@testable import CertAuditRules

/// BR-MAX-VALIDITY at the boundaries RULES.md states, for certificates issued on the stage dates.
struct MaximumValidityTests {
    let day = Instant.secondsPerDay

    func findings(issued date: LocalDate, validForSeconds seconds: Int64) -> [Finding] {
        let leaf = MaximumValidityRule.leaf(issued: RunTimeZone.utc.startOfDay(date), validForSeconds: seconds)
        return RuleRunner(rules: [MaximumValidityRule()]).run(
            RuleContext(estate: Estate(certificates: [leaf]), settings: ExampleEstate.settings))
    }

    @Test func exactlyTwoHundredDaysIssuedMarch15IsOnlyTheShouldWarning() {
        let found = findings(issued: LocalDate(year: 2026, month: 3, day: 15)!, validForSeconds: 200 * day)
        #expect(found.map(\.severity) == [.low])
        #expect(found.first?.message.contains("SHOULD") == true)
    }

    @Test func twoHundredDaysAndOneSecondIsAnError() {
        let found = findings(issued: LocalDate(year: 2026, month: 3, day: 15)!, validForSeconds: 200 * day + 1)
        #expect(found.map(\.severity) == [.high])
        #expect(found.first?.message.contains("201 days") == true)
    }

    @Test func oneHundredNinetyNineDaysPasses() {
        #expect(findings(issued: LocalDate(year: 2026, month: 3, day: 15)!, validForSeconds: 199 * day).isEmpty)
    }

    @Test func theDayBeforeTheStageStill398() {
        let march14 = LocalDate(year: 2026, month: 3, day: 14)!
        #expect(findings(issued: march14, validForSeconds: 397 * day).isEmpty)
        #expect(findings(issued: march14, validForSeconds: 398 * day).map(\.severity) == [.low])
        #expect(findings(issued: march14, validForSeconds: 398 * day + 1).map(\.severity) == [.high])
    }

    @Test(
        "each stage's MUST and SHOULD",
        arguments: [(2020, 9, 1, 398), (2026, 3, 15, 200), (2027, 3, 15, 100), (2029, 3, 15, 47)])
    func stages(year: Int, month: Int, dayOfMonth: Int, maximum: Int64) {
        let date = LocalDate(year: year, month: month, day: dayOfMonth)!
        #expect(findings(issued: date, validForSeconds: (maximum - 1) * day).isEmpty)
        #expect(findings(issued: date, validForSeconds: maximum * day).map(\.severity) == [.low])
        #expect(findings(issued: date, validForSeconds: maximum * day + 1).map(\.severity) == [.high])
    }

    @Test func beforeTheScheduleTheRuleIsNotEffective() {
        #expect(findings(issued: LocalDate(year: 2019, month: 6, day: 1)!, validForSeconds: 800 * day).isEmpty)
    }

    @Test func validityCountsInclusiveSecondsAndPartialDays() {
        let start = Instant(secondsSinceEpoch: 0)
        #expect(ValidityStage.validityDays(notBefore: start, notAfter: start + (day - 1)) == 1)
        #expect(ValidityStage.validityDays(notBefore: start, notAfter: start + day) == 2)
    }
}
