import CertAuditCore
import CertAuditLedger
import CertAuditSimulation
import Foundation
import Testing

@testable import CertAuditRules

struct RuleCatalogueTests {
    /// spec/RULES.md beside the repository (../shared/spec), when this checkout has it.
    static let rulesMarkdown: String? = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            repository.deletingLastPathComponent().appendingPathComponent("shared/spec/RULES.md"),
            URL(fileURLWithPath: "/work/shared/spec/RULES.md"),
        ]
        return candidates.lazy.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.first
    }()

    @Test func everySpecRuleIsInTheCatalogueOnce() {
        let ids = RuleCatalogue.descriptors.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate IDs in the catalogue")
        for id in RuleCatalogue.specRuleIDs { #expect(ids.contains(id), "\(id) missing from the catalogue") }
    }

    /// Implemented: a rule of the static audit, or one the simulation or the ledger audit checks.
    @Test func implementedRulesComeFirstAndAreMarked() {
        let implemented = Set(
            RuleCatalogue.rules.map(\.descriptor.id) + SimulationRules.descriptors.map(\.id)
                + LedgerRules.descriptors.map(\.id))
        for descriptor in RuleCatalogue.descriptors {
            #expect((descriptor.status == .implemented) == implemented.contains(descriptor.id))
        }
    }

    @Test func everyUncheckedSpecRuleSaysWhereItIsChecked() {
        for descriptor in RuleCatalogue.descriptors where descriptor.status != .implemented {
            #expect(descriptor.status != .planned, "\(descriptor.id) has no status: add it to UncheckedRules")
            #expect(descriptor.statusNote?.isEmpty == false, "\(descriptor.id) has no reason")
        }
        let unknown = Set(UncheckedRules.status.keys).subtracting(RuleCatalogue.specRuleIDs)
        #expect(unknown.isEmpty, "UncheckedRules names IDs the spec does not have: \(unknown.sorted())")
        let implemented = Set(RuleCatalogue.rules.map(\.descriptor.id))
        let both = implemented.intersection(UncheckedRules.status.keys)
        #expect(both.isEmpty, "implemented and listed as unchecked: \(both.sorted())")
    }

    /// The ledger audit's rules are implemented, and PTS-USE is the forecast's (the simulation's).
    @Test func theLedgerRulesAreImplementedAndPTSUseIsTheForecasts() {
        for id in [RuleID.ptsReconcile, .ptsTransfer, .ptsRecharge, .ptsExpiry, .ptsPackage] {
            #expect(RuleCatalogue.descriptor(for: id)?.status == .implemented, "\(id)")
            #expect(RuleCatalogue.scope(of: id) == "the points ledger at the as-of time")
        }
        #expect(RuleCatalogue.descriptor(for: .ptsUse)?.status == .implemented)
        #expect(RuleCatalogue.scope(of: .ptsUse) == "the simulation of the horizon")
    }

    @Test func additionsToTheSpecAreDocumented() {
        let additions = RuleCatalogue.rules.map(\.descriptor).filter { !RuleCatalogue.specRuleIDs.contains($0.id) }
        #expect(additions.map(\.id).sorted() == [.invUnknownReference, .upZipForms])
        #expect(additions.allSatisfy { $0.citations.contains(.certauditAuditRule) })
    }

    @Test(.enabled(if: rulesMarkdown != nil, "spec/RULES.md is not beside this checkout"))
    func theGeneratedIDListMatchesRULESmd() throws {
        let markdown = try #require(Self.rulesMarkdown)
        let pattern = try Regex(#"^\| ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+) \|"#).anchorsMatchLineEndings()
        let ids = markdown.matches(of: pattern).map { String(markdown[$0.range].dropFirst(2).dropLast(2)) }
        #expect(!ids.isEmpty)
        #expect(ids == RuleCatalogue.specRuleIDs.map(\.rawValue), "run scripts/gen_spec_rule_list.py")
    }
}
