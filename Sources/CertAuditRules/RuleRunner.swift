import CertAuditConsole
import CertAuditCore

/// Runs a catalogue over an estate. The one place that decides applicability, effective dates,
/// severity overrides and order, so that no rule re-implements them.
///
/// Certificate rules run over chunks of the estate on `jobs` threads; the findings are sorted at the
/// end, so the result does not depend on scheduling or thread count.
public struct RuleRunner: Sendable {
    /// Certificates per unit of parallel work.
    public static let chunkSize = 2_048
    /// How many chunks are gathered between two reclaims (`run`): at a million certificates, 489
    /// chunks of about 270 KB, so some 17 MB at most freed and not yet given back.
    static let chunksPerReclaim = 64

    public let rules: [any Rule]
    /// Worker threads (the run's `--jobs`).
    public let jobs: Int

    public init(rules: [any Rule] = RuleCatalogue.rules, jobs: Int = ProcessorCount.active) {
        self.rules = rules
        self.jobs = max(1, jobs)
    }

    /// The catalogue's findings on the estate, and `others` (the simulation's), with the run's
    /// severity overrides applied to all of them, in report order. `progress` is told how many
    /// certificates have been checked, a chunk at a time.
    public func run(
        _ context: RuleContext, adding others: consuming [Finding] = [],
        progress: @escaping StageProgress.Report = StageProgress.ignore
    ) -> [Finding] {
        let counter = ProgressCounter(
            .checks, total: context.estate.certificates.count, unit: "certificates", report: progress)
        var byChunk = check(context, counter: counter)
        // One array made at its final size, each chunk's findings dropped once appended: flattening
        // the chunks and appending them held every finding twice, and growing the array copied them
        // (2.2 million findings at a million certificates).
        var findings: [Finding] = []
        findings.reserveCapacity(byChunk.reduce(0) { $0 + $1.count } + others.count)
        for chunk in byChunk.indices {
            findings += byChunk[chunk]
            byChunk[chunk] = []
            // The chunks the other workers made are freed here, on this thread: have them give that
            // memory back as it goes, not once the gathered array is full (`FreedMemory`).
            if chunk % Self.chunksPerReclaim == Self.chunksPerReclaim - 1 { FreedMemory.reclaim(workers: jobs) }
        }
        FreedMemory.reclaim(workers: jobs)
        findings += others
        _ = consume others
        let severityOverrides = context.settings.severityOverrides
        if !severityOverrides.isEmpty {
            for index in findings.indices {
                if let severity = severityOverrides[findings[index].ruleID] { findings[index].severity = severity }
            }
        }
        Finding.putInReportOrder(&findings, workers: jobs)
        return findings
    }

    /// A unit of parallel work: one estate rule, or the certificate rules over a chunk of certificates.
    private enum Work: Sendable {
        case estate(any EstateRule)
        case certificates(Range<Int>)
    }

    /// Each estate rule's findings, then the certificate rules', a chunk of certificates at a time in
    /// the estate's order: every piece one unit of work for the same workers (the estate rules, run
    /// first on one thread, left the other idle for a tenth of the checks).
    private func check(_ context: RuleContext, counter: ProgressCounter) -> [[Finding]] {
        let certificates = context.estate.certificates
        let certificateRules = rules.compactMap { $0 as? any CertificateRule }
        let chunks =
            certificateRules.isEmpty
            ? []
            : stride(from: 0, to: certificates.count, by: Self.chunkSize).map {
                Work.certificates($0..<min(certificates.count, $0 + Self.chunkSize))
            }
        let work = rules.compactMap { $0 as? any EstateRule }.map(Work.estate) + chunks
        return parallelMap(work, workers: jobs) { unit in
            switch unit {
            case .estate(let rule):
                return rule.check(context).trimmed()
            case .certificates(let range):
                var found: [Finding] = []
                let checks = certificateRules.map { CertificateCheck.of($0) }
                for certificate in certificates[range] {
                    for check in checks { check.run(certificate, in: context, into: &found) }
                }
                counter.advance(by: range.count)
                // Every piece is held until the last is done: their appending's room held some 130 MB
                // beside the 190 MB of findings at a million certificates, the run's peak.
                return found.trimmed()
            }
        }
    }
}
