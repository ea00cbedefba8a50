import CertAuditCore
import Testing

/// `Finding` keeps its date packed and its package and aspect out of line: each field must read back
/// what was set, a finding whose rare fields are cleared must equal (and hash as) one that never had
/// them, and a copy must not see changes to the original.
struct FindingStorageTests {
    static let day = LocalDate(year: 2027, month: 3, day: 1)!

    static func plain() -> Finding {
        Finding(ruleID: RuleID(rawValue: "R-1"), severity: .high, certificateID: "c", message: "m")
    }

    @Test func everyFieldReadsBackWhatWasSet() {
        let finding = Finding(
            ruleID: RuleID(rawValue: "R-1"), severity: .high, certificateID: "c", resourceID: "r",
            packageID: "p", date: Self.day, message: "m", aspect: "a")
        #expect(finding.ruleID.rawValue == "R-1" && finding.severity == .high)
        #expect(finding.certificateID == "c" && finding.resourceID == "r" && finding.packageID == "p")
        #expect(finding.date == Self.day && finding.message == "m" && finding.aspect == "a")
        #expect(Self.plain().date == nil && Self.plain().packageID == nil && Self.plain().aspect == nil)
        // A date far from 1970 either way is kept as it is.
        var far = Self.plain()
        far.date = LocalDate(daysSinceEpoch: -3_000_000)
        #expect(far.date == LocalDate(daysSinceEpoch: -3_000_000))
        far.date = LocalDate(daysSinceEpoch: 3_000_000)
        #expect(far.date == LocalDate(daysSinceEpoch: 3_000_000))
    }

    @Test func clearedRareFieldsCompareAndHashEqual() {
        var changed = Self.plain()
        changed.packageID = "p"
        changed.aspect = "a"
        #expect(changed != Self.plain())
        changed.packageID = nil
        #expect(changed != Self.plain() && changed.aspect == "a")
        changed.aspect = nil
        changed.date = Self.day
        changed.date = nil
        #expect(changed == Self.plain())
        #expect(changed.hashValue == Self.plain().hashValue)
        #expect(changed.key == Self.plain().key)
    }

    @Test func aCopyIsIndependent() {
        var original = Self.plain()
        original.aspect = "a"
        var copy = original
        copy.aspect = (copy.aspect ?? "") + "#2"
        copy.packageID = "p"
        #expect(original.aspect == "a" && original.packageID == nil)
        #expect(copy.aspect == "a#2" && copy.packageID == "p")
    }

    @Test func findingsOrderByTheirRareFieldsToo() {
        var first = Self.plain()
        first.packageID = "p1"
        var second = Self.plain()
        second.packageID = "p2"
        #expect(first < second && !(second < first))
        var aspectA = Self.plain()
        aspectA.aspect = "a"
        var aspectB = Self.plain()
        aspectB.aspect = "b"
        #expect(aspectA < aspectB && Self.plain() < aspectA)
    }
}
