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
enum RunComparison {
    static func compare(
        _ baseline: Baseline, findings: [ReportFinding], certificates: [ReportCertificate],
        operations: [ReportOperation], asOfDate: String
    ) -> ReportChanges {
        ReportChanges(
            status: "compared", baselineAsOf: baseline.asOf, baselineSHA256: baseline.sha256,
            findings: compare(baseline.findings, findings, asOfDate: asOfDate),
            certificates: compare(baseline.certificates, certificates),
            operations: compare(baseline.operations, operations))
    }

    static func compare(_ then: [Baseline.Finding], _ now: [ReportFinding], asOfDate: String) -> [ReportChanges.Finding]
    {
        var previous: [String: Baseline.Finding] = [:]
        for finding in then where previous[finding.key] == nil { previous[finding.key] = finding }
        let current = Set(now.map(\.key))
        var new: [ReportChanges.Finding] = []
        var open: [ReportChanges.Finding] = []
        for finding in now {
            let change = ReportChanges.Finding(
                change: previous[finding.key] == nil ? "new" : "open",
                finding: Baseline.Finding(
                    key: finding.key, rule: finding.rule, severity: finding.severity,
                    certificate: finding.certificate, resource: finding.resource, package: finding.package,
                    firstSeen: previous[finding.key]?.firstSeen ?? asOfDate))
            if change.change == "new" { new.append(change) } else { open.append(change) }
        }
        let resolved = previous.values.filter { !current.contains($0.key) }.map {
            ReportChanges.Finding(change: "resolved", finding: $0)
        }
        let byKey = { (lhs: ReportChanges.Finding, rhs: ReportChanges.Finding) in lhs.key < rhs.key }
        return new.sorted(by: byKey) + resolved.sorted(by: byKey) + open.sorted(by: byKey)
    }

    static func names(_ certificate: ReportCertificate) -> [String] {
        certificate.sans.map { "\($0.type):\($0.value.lowercased())" }.sorted()
    }

    static func compare(_ then: [Baseline.Certificate], _ now: [ReportCertificate]) -> [ReportChanges.Certificate] {
        let thenFingerprints = Set(then.compactMap(\.fingerprint))
        let nowFingerprints = Set(now.compactMap(\.fingerprint))
        var gone = then.filter { $0.fingerprint.map { !nowFingerprints.contains($0) } ?? false && !$0.names.isEmpty }
            .sorted { $0.id < $1.id }
        var renewed: [ReportChanges.Certificate] = []
        var renewedNow: Set<String> = []
        var renewedThen: Set<String> = []
        for certificate in now.sorted(by: { $0.id < $1.id }) {
            guard let fingerprint = certificate.fingerprint, !thenFingerprints.contains(fingerprint) else { continue }
            let names = names(certificate)
            guard !names.isEmpty, let index = gone.firstIndex(where: { $0.names == names }) else { continue }
            let old = gone.remove(at: index)
            renewed.append(
                ReportChanges.Certificate(
                    change: "renewed", id: certificate.id, fingerprint: fingerprint, previousID: old.id,
                    previousFingerprint: old.fingerprint))
            renewedNow.insert(certificate.id)
            renewedThen.insert(old.id)
        }
        let thenIDs = Set(then.map(\.id))
        let nowIDs = Set(now.map(\.id))
        var seen: Set<String> = []
        let added = now.filter {
            !thenIDs.contains($0.id) && !renewedNow.contains($0.id) && seen.insert($0.id).inserted
        }
        .map { ReportChanges.Certificate(change: "added", id: $0.id, fingerprint: $0.fingerprint) }
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
