import CertAuditCSV
import Foundation
import Testing

@testable import CertAuditCore
@testable import CertAuditRun

/// A rule ID read from a settings file is looked up among the catalogue's: text from outside never
/// becomes a name in the process's table of rule IDs (`RuleIDNames`), which only code fills.
struct SettingRuleIDTests {
    @Test func aSettingsRuleIDIsTheCataloguesAndAnUnknownOneAddsNoName() throws {
        #expect(try SettingValues.ruleID("CERT-EXPIRING").get() == .certExpiring)
        let unknown = "NOT-A-RULE-\(UUID().uuidString)"
        #expect(throws: FieldError.self) { try SettingValues.ruleID(unknown).get() }
        #expect(!RuleIDNames.shared.contains(unknown))
        #expect(RuleIDNames.shared.contains("CERT-EXPIRING"))
    }
}
