/// The comparison of this run with the previous one (the baseline): plain values in, plain values
/// out, so that it is tested without files.
///
/// - Findings are matched by key: new (only now), resolved (only then), open (both; the date first
///   seen carried from the baseline).
/// - Certificates: renewed when a certificate now has the same names (SANs, by type, case
///   ignored) as one then, a fingerprint the baseline did not hold, and the old fingerprint is gone;
///   pairs are made in ID order. Otherwise added (an ID only now) or removed (an ID only then). A
///   certificate that keeps its ID but changes both names and fingerprint is not listed.
/// - Operations are identified by request time, certificate and kind (the line moves when rows are
///   added; repeats of one request are matched in order); listed when the verdict changed.
///
/// The report's lazy sections (`ReportFindings`, `ReportCertificates`) are read in one pass each:
/// findings a row at a time, certificates by their IDs and fingerprints (a row is made only for a
/// certificate that may be a renewal, to read its names), so no second copy of either is built.
enum RunComparison {
    /// What changed, and each finding's change and first-seen date by report position (for
    /// `ReportFindings.record`).
    static func compare(
        _ baseline: Baseline, findings: ReportFindings, certificates: ReportCertificates,
        operations: [ReportOperation], asOfDate: String
    ) -> (changes: ReportChanges, findingChanges: [ReportFindings.Change]) {
        let compared = compareFindings(baseline.findings, findings, asOfDate: asOfDate)
        let changes = ReportChanges(
            status: "compared", baselineAsOf: baseline.asOf, baselineSHA256: baseline.sha256,
            findings: compared.changes,
            certificates: compare(baseline.certificates, certificates),
            operations: compare(baseline.operations, operations))
        return (changes, compared.each)
    }

    static func compare(_ then: [Baseline.Finding], _ now: [ReportFinding], asOfDate: String) -> [ReportChanges.Finding]
    {
        compareFindings(then, now, asOfDate: asOfDate).changes
    }

    /// The findings' changes in their order (new, resolved, open; each by key), and each finding's
    /// change in `now`'s order; `now` is read once.
    static func compareFindings(_ then: [Baseline.Finding], _ now: some Sequence<ReportFinding>, asOfDate: String)
        -> (changes: [ReportChanges.Finding], each: [ReportFindings.Change])
    {
        var previous: [String: Baseline.Finding] = [:]
        for finding in then where previous[finding.key] == nil { previous[finding.key] = finding }
        var current: Set<String> = []
        var new: [ReportChanges.Finding] = []
        var open: [ReportChanges.Finding] = []
        var each: [ReportFindings.Change] = []
        each.reserveCapacity(now.underestimatedCount)
        for finding in now {
            current.insert(finding.key)
            let change = ReportChanges.Finding(
                change: previous[finding.key] == nil ? "new" : "open",
                finding: Baseline.Finding(
                    key: finding.key, rule: finding.rule, severity: finding.severity,
                    certificate: finding.certificate, resource: finding.resource, package: finding.package,
                    firstSeen: previous[finding.key]?.firstSeen ?? asOfDate))
            each.append(ReportFindings.Change(change: change.change, firstSeen: change.firstSeen))
            if change.change == "new" { new.append(change) } else { open.append(change) }
        }
        let resolved = previous.values.filter { !current.contains($0.key) }.map {
            ReportChanges.Finding(change: "resolved", finding: $0)
        }
        let byKey = { (lhs: ReportChanges.Finding, rhs: ReportChanges.Finding) in lhs.key < rhs.key }
        return (new.sorted(by: byKey) + resolved.sorted(by: byKey) + open.sorted(by: byKey), each)
    }

    static func names(_ certificate: ReportCertificate) -> [String] {
        certificate.sans.map { "\($0.type):\($0.value.lowercased())" }.sorted()
    }

    static func compare(_ then: [Baseline.Certificate], _ now: [ReportCertificate]) -> [ReportChanges.Certificate] {
        compare(then, ids: now.map(\.id), fingerprints: now.map(\.fingerprint)) { names(now[$0]) }
    }

    /// The report's inventory, read by its IDs and fingerprints; a row is made only to read the
    /// names of a certificate whose fingerprint is new.
    static func compare(_ then: [Baseline.Certificate], _ now: ReportCertificates) -> [ReportChanges.Certificate] {
        compare(then, ids: now.indices.map(now.id(at:)), fingerprints: now.indices.map(now.fingerprint(at:))) {
            names(now[$0])
        }
    }

    /// The certificates now as their IDs and fingerprints by position, and their names on demand.
    private static func compare(
        _ then: [Baseline.Certificate], ids: [String], fingerprints: [String?], names: (Int) -> [String]
    ) -> [ReportChanges.Certificate] {
        let thenFingerprints = Set(then.compactMap(\.fingerprint))
        let nowFingerprints = Set(fingerprints.compactMap { $0 })
        var gone = then.filter { $0.fingerprint.map { !nowFingerprints.contains($0) } ?? false && !$0.names.isEmpty }
            .sorted { $0.id < $1.id }
        var renewed: [ReportChanges.Certificate] = []
        var renewedNow: Set<String> = []
        var renewedThen: Set<String> = []
        for position in ids.indices.sorted(by: { ids[$0] < ids[$1] }) {
            guard let fingerprint = fingerprints[position], !thenFingerprints.contains(fingerprint) else { continue }
            let names = names(position)
            guard !names.isEmpty, let index = gone.firstIndex(where: { $0.names == names }) else { continue }
            let old = gone.remove(at: index)
            renewed.append(
                ReportChanges.Certificate(
                    change: "renewed", id: ids[position], fingerprint: fingerprint, previousID: old.id,
                    previousFingerprint: old.fingerprint))
            renewedNow.insert(ids[position])
            renewedThen.insert(old.id)
        }
        let thenIDs = Set(then.map(\.id))
        let nowIDs = Set(ids)
        var seen: Set<String> = []
        let added = ids.indices.filter {
            !thenIDs.contains(ids[$0]) && !renewedNow.contains(ids[$0]) && seen.insert(ids[$0]).inserted
        }
        .map { ReportChanges.Certificate(change: "added", id: ids[$0], fingerprint: fingerprints[$0]) }
        seen = []
        let removed = then.filter {
            !nowIDs.contains($0.id) && !renewedThen.contains($0.id) && seen.insert($0.id).inserted
        }
        .map { ReportChanges.Certificate(change: "removed", id: $0.id, fingerprint: $0.fingerprint) }
        let byID = { (lhs: ReportChanges.Certificate, rhs: ReportChanges.Certificate) in lhs.id < rhs.id }
        return added.sorted(by: byID) + removed.sorted(by: byID) + renewed.sorted(by: byID)
    }

    static func compare(_ then: [Baseline.Operation], _ now: [ReportOperation]) -> [ReportChanges.Operation] {
        var previous: [String: [String]] = [:]
        for operation in then {
            previous[identity(operation.requestedAt, operation.certificate, operation.kind), default: []].append(
                operation.verdict)
        }
        var used: [String: Int] = [:]
        var changed: [ReportChanges.Operation] = []
        for operation in now {
            let identity = identity(operation.requestedAt, operation.certificate, operation.kind)
            let index = used[identity, default: 0]
            used[identity] = index + 1
            guard let verdicts = previous[identity], index < verdicts.count, verdicts[index] != operation.verdict
            else { continue }
            changed.append(
                ReportChanges.Operation(
                    requestedAt: operation.requestedAt, certificate: operation.certificate, kind: operation.kind,
                    verdict: operation.verdict, previousVerdict: verdicts[index]))
        }
        return changed
    }

    static func identity(_ requestedAt: String, _ certificate: String, _ kind: String) -> String {
        "\(requestedAt)\u{0}\(certificate)\u{0}\(kind)"
    }
}
