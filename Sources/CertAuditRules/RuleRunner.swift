import CertAuditCore
import Dispatch

/// Runs a catalogue over an estate. The one place that decides applicability, effective dates,
/// severity overrides and order, so that no rule re-implements them.
///
/// Certificate rules run over chunks of the estate in parallel; the findings are sorted at the end,
/// so the result does not depend on scheduling or thread count.
public struct RuleRunner: Sendable {
    public let rules: [any Rule]
    public let severityOverrides: [String: Severity]

    public init(rules: [any Rule] = RuleCatalogue.rules, severityOverrides: [String: Severity] = [:]) {
        self.rules = rules
        self.severityOverrides = severityOverrides
    }

    public func run(_ context: RuleContext) -> [Finding] {
        let certificateRules = rules.compactMap { $0 as? any CertificateRule }
        var findings = rules.compactMap { $0 as? any EstateRule }.flatMap { $0.check(context) }
        findings += checkCertificates(with: certificateRules, in: context)
        if !severityOverrides.isEmpty {
            for index in findings.indices {
                if let severity = severityOverrides[findings[index].ruleID] { findings[index].severity = severity }
            }
        }
        return findings.sorted()
    }

    private func checkCertificates(with rules: [any CertificateRule], in context: RuleContext) -> [Finding] {
        let certificates = context.estate.certificates
        guard !certificates.isEmpty, !rules.isEmpty else { return [] }
        let chunkSize = 2_048
        let chunkCount = (certificates.count + chunkSize - 1) / chunkSize
        let results = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = chunk * chunkSize..<min(certificates.count, (chunk + 1) * chunkSize)
            var found: [Finding] = []
            for certificate in certificates[range] {
                for rule in rules
                where Self.isEffective(rule.descriptor, for: certificate)
                    && rule.applies(to: certificate, in: context)
                {
                    found += rule.check(certificate, in: context)
                }
            }
            results.store(found, at: chunk)
        }
        return results.joined()
    }

    /// A rule with effective dates applies to certificates issued (notBefore, UTC date) within them.
    static func isEffective(_ descriptor: RuleDescriptor, for certificate: Certificate) -> Bool {
        guard let notBefore = certificate.leaf?.notBefore ?? certificate.record.issuedAt else { return true }
        let issued = RunTimeZone.utc.localDate(of: notBefore)
        if let from = descriptor.effectiveFrom, issued < from { return false }
        if let until = descriptor.effectiveUntil, issued >= until { return false }
        return true
    }
}

/// One slot per chunk, each written by exactly one iteration of `concurrentPerform` and read after
/// it returns: the slots never alias, so the unchecked sendability is sound.
private final class ChunkResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[Finding]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ findings: [Finding], at index: Int) { slots[index] = findings }

    func joined() -> [Finding] { slots.flatMap { $0 } }
}
