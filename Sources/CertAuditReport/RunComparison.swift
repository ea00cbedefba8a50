import CertAuditCore

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
/// findings by their keys (no row made), certificates by their IDs and fingerprints (a row is made
/// only for a certificate that may be a renewal, to read its names), so no second copy of either is
/// built.
enum RunComparison {
    /// What changed. Each finding's change and first-seen date are recorded in `findings`, so that
    /// its rows carry them, and the changes' new and open findings are those rows
    /// (`ReportChangedFindings`).
    static func compare(
        _ baseline: Baseline, findings: inout ReportFindings, certificates: ReportCertificates,
        operations: [ReportOperation], asOfDate: String
    ) -> ReportChanges {
        let compared = compareFindings(
            baseline.findings, findings.indices.lazy.map { [findings] in findings.key(at: $0) }, asOfDate: asOfDate)
        findings.record(compared.each)
        return ReportChanges(
            status: "compared", baselineAsOf: baseline.asOf, baselineSHA256: baseline.sha256,
            findings: ReportChangedFindings(
                rows: findings, new: compared.new, resolved: compared.resolved, open: compared.open),
            certificates: compare(baseline.certificates, certificates),
            operations: compare(baseline.operations, operations))
    }

    /// The changes of findings held as rows (the eager form, for tests): the same as the report's.
    static func compare(_ then: some Sequence<Baseline.Finding>, _ now: [ReportFinding], asOfDate: String)
        -> [ReportChanges.Finding]
    {
        let compared = compareFindings(BaselineFindings(then), now.map(\.key), asOfDate: asOfDate)
        var rows = now
        for index in rows.indices {
            rows[index].change = compared.each.change(at: index)
            rows[index].firstSeen = compared.each.firstSeen(at: index)
        }
        return compared.new.map { ReportChangedFindings.change("new", rows[Int($0)]) }
            + compared.resolved.map { ReportChanges.Finding(change: "resolved", finding: $0) }
            + compared.open.map { ReportChangedFindings.change("open", rows[Int($0)]) }
    }

    /// How this run's findings compare with the baseline's.
    struct FindingComparison {
        /// Positions in `now` of the findings only now, by key.
        var new: [Int32]
        /// The baseline's findings that are gone, by key.
        var resolved: [Baseline.Finding]
        /// Positions in `now` of the findings in both, by key.
        var open: [Int32]
        /// Each finding's change and first-seen date, in `now`'s order.
        var each: FindingChanges
    }

    /// Findings are matched by key; `now`, the findings' keys in report order, is read once.
    static func compareFindings(_ then: BaselineFindings, _ now: some Sequence<String>, asOfDate: String)
        -> FindingComparison
    {
        // Each key's first place in `then`, and which of them this run still has: positions, not a
        // copy of every baseline finding and a set of every key now (about 35 MB at 100,000
        // certificates while the comparison ran, the peak of a run with a baseline).
        var previous: [String: Int32] = [:]
        previous.reserveCapacity(then.count)
        for index in then.indices where previous[then.key(at: index)] == nil {
            previous[then.key(at: index)] = Int32(index)
        }
        var matched = [Bool](repeating: false, count: then.count)
        // The keys of the new findings, and the baseline's place of each open one, whose key is
        // its own (equal as strings, so in the same order): a nightly run's findings are nearly all
        // open, and a copy of every key now was about 190 MB at a million certificates.
        var newKeys: [String] = []
        var openPlaces: [Int32] = []
        var comparison = FindingComparison(new: [], resolved: [], open: [], each: FindingChanges())
        comparison.each.reserveCapacity(now.underestimatedCount)
        for (position, key) in now.enumerated() {
            if let index = previous[key] {
                matched[Int(index)] = true
                comparison.each.append(open: true, firstSeen: then.firstSeen(at: Int(index)))
                comparison.open.append(Int32(position))
                openPlaces.append(index)
            } else {
                comparison.each.append(open: false, firstSeen: asOfDate)
                comparison.new.append(Int32(position))
                newKeys.append(key)
            }
        }
        comparison.new = inKeyOrder(comparison.new) { newKeys[$0] }
        comparison.open = inKeyOrder(comparison.open) { then.key(at: Int(openPlaces[$0])) }
        comparison.resolved = previous.values.map(Int.init).filter { !matched[$0] }.map { then[$0] }
            .sorted { $0.key < $1.key }
        return comparison
    }

    /// `positions` ordered by the key `key` gives for each of their places in `positions`; equal keys
    /// (findings now that share one before `#2` is added) keep their order.
    private static func inKeyOrder(_ positions: [Int32], key: (Int) -> String) -> [Int32] {
        positions.indices.sorted { lhs, rhs in
            let left = key(lhs)
            let right = key(rhs)
            return left == right ? lhs < rhs : left < right
        }
        .map { positions[$0] }
    }

    static func names(_ certificate: ReportCertificate) -> [String] {
        certificate.sans.map { "\($0.type):\($0.value.lowercased())" }.sorted()
    }

    static func compare(_ then: [Baseline.Certificate], _ now: [ReportCertificate]) -> [ReportChanges.Certificate] {
        compare(then, ids: now.map(\.id), fingerprints: now.map { $0.fingerprint.map(HexText.init) }) {
            names(now[$0])
        }
    }

    /// The report's inventory, read by its IDs and fingerprints (as the estate holds them); a row is
    /// made only to read the names of a certificate whose fingerprint is new.
    static func compare(_ then: [Baseline.Certificate], _ now: ReportCertificates) -> [ReportChanges.Certificate] {
        compare(then, ids: now.indices.map(now.id(at:)), fingerprints: now.indices.map(now.heldFingerprint(at:))) {
            names(now[$0])
        }
    }

    /// The certificates now as their IDs and fingerprints by position, and their names on demand.
    /// Fingerprints are compared as held (`HexText`, equal exactly when their texts are): a string
    /// made for each of a million certificates, then and now, was hundreds of megabytes. What is
    /// looked up is held in sorted arrays, searched by halves: sets of the fingerprints and IDs then
    /// and now were about 230 MB at a million certificates while the comparison ran (a nightly
    /// run's peak), the arrays are half that.
    private static func compare(
        _ then: [Baseline.Certificate], ids: [String], fingerprints: [HexText?], names: (Int) -> [String]
    ) -> [ReportChanges.Certificate] {
        let thenFingerprints = then.compactMap(\.heldFingerprint).sorted()
        let nowFingerprints = fingerprints.compactMap { $0 }.sorted()
        var gone = then.filter {
            $0.heldFingerprint.map { !nowFingerprints.sortedContains($0) } ?? false && $0.hasNames
        }
        .sorted { $0.id < $1.id }
        var renewed: [ReportChanges.Certificate] = []
        var renewedNow: Set<String> = []
        var renewedThen: Set<String> = []
        let positionsByID = ids.indices.sorted { ids[$0] < ids[$1] }
        for position in positionsByID {
            guard let fingerprint = fingerprints[position], !thenFingerprints.sortedContains(fingerprint) else {
                continue
            }
            let names = names(position)
            guard !names.isEmpty, let index = gone.firstIndex(where: { $0.hasNames(names) }) else { continue }
            let old = gone.remove(at: index)
            renewed.append(
                ReportChanges.Certificate(
                    change: "renewed", id: ids[position], fingerprint: fingerprint.text, previousID: old.id,
                    previousFingerprint: old.fingerprint))
            renewedNow.insert(ids[position])
            renewedThen.insert(old.id)
        }
        let thenIDs = then.map(\.id).sorted()
        let nowIDs = positionsByID.map { ids[$0] }
        var seen: Set<String> = []
        let added = ids.indices.filter {
            !thenIDs.sortedContains(ids[$0]) && !renewedNow.contains(ids[$0]) && seen.insert(ids[$0]).inserted
        }
        .map { ReportChanges.Certificate(change: "added", id: ids[$0], fingerprint: fingerprints[$0]?.text) }
        seen = []
        let removed = then.filter {
            !nowIDs.sortedContains($0.id) && !renewedThen.contains($0.id) && seen.insert($0.id).inserted
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
