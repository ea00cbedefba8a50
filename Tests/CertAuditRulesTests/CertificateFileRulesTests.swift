import CertAuditCore
import Testing

@testable import CertAuditRules

/// The rules a plain folder of certificate files is audited with need no inventory.
struct CertificateFileRulesTests {
    /// What a folder row has: the file columns the scan fills (bundle, key, password file), the
    /// type it derives from the leaf, the inventory dates the file's own stand in for; and what is
    /// truthfully empty there (no console state or source to contradict the file, no SM2 pair, no
    /// cloud resource bound). A rule reading anything else (hosting, accounts, alerts, tags, the
    /// product, …) would audit values nobody gave.
    static let folderColumns: Set<InputColumn> =
        Set(InputColumn.keyFacts + InputColumn.expiry + InputColumn.issueDate + InputColumn.bindings).union([
            .certificates(.certificateType), .certificates(.status), .certificates(.source),
            .certificates(.encBundle), .certificates(.encKey),
        ])

    @Test func everyCertificateFileRuleReadsOnlyWhatAFolderHas() {
        let rules = RuleCatalogue.rules(for: .certificateFolder)
        #expect(rules.map(\.descriptor.id).sorted() == RuleCatalogue.certificateFileRuleIDs.sorted())
        for rule in rules {
            let extra = Set(rule.reads).subtracting(Self.folderColumns)
            #expect(extra.isEmpty, "\(rule.descriptor.id) reads \(extra)")
        }
    }

    @Test func anInventoryIsAuditedWithEveryRule() {
        #expect(RuleCatalogue.rules(for: .inventory).count == RuleCatalogue.rules.count)
    }
}
