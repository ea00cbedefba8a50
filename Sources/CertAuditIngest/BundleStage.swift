import CertAuditCore
import CertAuditX509
import Dispatch

/// Attaches parsed bundles to certificate rows, in parallel and in input order. A row whose bundle
/// cannot be read stays when its inventory `not_after` is readable — audited on what the inventory
/// says, the bundle a bad value that UP-PEM-FORMAT reports — and otherwise leaves the estate for the
/// quarantine, with the loader's UP-PEM-FORMAT wording (spec/INPUTS.md).
struct BundleStage: Sendable {
    let loader: BundleLoader
    let asOf: Instant
    let jobs: Int
    let progress: StageProgress.Report

    /// Rows parsed per round: the parsed facts of two rounds wait in memory (one being merged while
    /// the next is parsed), not the whole estate's (at a million rows those were gigabytes, twice
    /// over while `parallelMap` collected them).
    static let rowsPerRound = 8192

    struct Outcome {
        var quarantine: [QuarantineRecord]
        /// The rows' bad values (those of quarantined rows dropped), and each bundle that could not be
        /// read on a row that stays.
        var badValues: [BadValue]
        /// The `bundles/` line of the manifest.
        var summary: InputSummary
    }

    /// One row's result: its bundles' facts, or why it was refused; and the digest of what was read.
    private enum RowResult: Sendable {
        /// The parts, not a `Certificate`: the row stays where it is, and the interner boxes the facts
        /// once, in place, on the merging thread.
        case accepted(bundle: BundleFacts?, encryption: BundleFacts?, digestLine: String?, unreadable: [BadValue])
        case refused(QuarantineRecord)
    }

    /// Gives each certificate (a row of the inventory, interned as it was read) its bundles, in place;
    /// the rows refused are removed (and quarantined), the others keep their order. `fields` gives the
    /// 1-based header position of each column, for the bad values this stage adds. `rowsPerRound`
    /// is a parameter for the tests (rounds must not change the result).
    func attach(
        to certificates: inout [Certificate], interner: inout EstateInterner, badValues: [BadValue],
        fields: [InputColumn: Int], rowsPerRound: Int = Self.rowsPerRound
    ) -> Outcome {
        // Counted from the rows, not from the outcomes: a row that got lost on the way shows as
        // rows ≠ accepted + quarantined.
        let naming = certificates.reduce(0) { $0 + ($1.record.namesBundle ? 1 : 0) }
        var outcome = Outcome(
            quarantine: [], badValues: [],
            summary: InputSummary(name: "bundles/", sha256: "", rows: naming, accepted: 0, quarantined: 0))
        let counter = ProgressCounter(.ingest, total: certificates.count, unit: "rows", report: progress)
        let digest = SHA256Stream()
        var refusedLines: Set<Int> = []
        var kept = 0
        /// One parsed round into the estate, on this thread: the interner's tables and the rows stay
        /// this thread's alone.
        func merge(_ round: Range<Int>, _ results: [RowResult]) {
            for (index, result) in zip(round, results) {
                switch result {
                case .accepted(let bundle, let encryption, let line, let unreadable):
                    outcome.badValues += unreadable
                    interner.attach(bundle: bundle, encryption: encryption, to: &certificates[index])
                    if let line { digest.update(line) }
                    if certificates[index].record.namesBundle {
                        if bundle != nil {
                            outcome.summary.accepted += 1
                        } else {
                            outcome.summary.quarantined += 1
                        }
                    }
                    // Kept rows move down over the refused ones: the order stays the input's.
                    certificates.swapAt(kept, index)
                    kept += 1
                case .refused(let record):
                    refusedLines.insert(record.line)
                    outcome.quarantine.append(record)
                    outcome.summary.quarantined += 1
                }
            }
        }
        // Each round is merged while the next one is parsed: merged between rounds, the merge (1.3 s
        // at 100,000 rows) ran on one core while the other waited. The next round's records are
        // copied out before the merge moves rows about; the merge touches only rows already parsed.
        var parsed: (round: Range<Int>, results: [RowResult])?
        // The files of each round are hinted to the kernel a round ahead of the workers, on a thread
        // of their own (`BundlePrefetch`): from a cold cache the workers otherwise wait for the disk
        // one small file at a time. The hints go on while the process reads from storage.
        let prefetch = BundlePrefetch(bundlesDirectory: loader.bundlesDirectory, sizeLimit: loader.sizeLimit)
        let hinting = DispatchQueue(label: "certaudit.bundle-prefetch")
        let step = max(1, rowsPerRound)
        func hint(from start: Int) {
            guard start < certificates.count else { return }
            let paths = certificates[start..<min(start + step, certificates.count)].flatMap {
                Self.files(of: $0.record)
            }
            hinting.async { prefetch.hint(paths) }
        }
        // No hint outlives the stage (a test's folder may be gone right after).
        defer { hinting.sync {} }
        hint(from: 0)
        var blocksRead = BundlePrefetch.blocksRead()
        for start in stride(from: 0, to: certificates.count, by: step) {
            let round = start..<min(start + step, certificates.count)
            let blocksNow = BundlePrefetch.blocksRead()
            if BundlePrefetch.hintsNextRound(isFirst: start == 0, blocksBefore: blocksRead, blocksNow: blocksNow) {
                hint(from: round.upperBound)
            }
            blocksRead = blocksNow
            let records = certificates[round].map(\.record)
            let results = overlapping(
                workers: jobs,
                background: {
                    // Each worker keeps the CA certificates it decoded: the estate's few intermediates
                    // are decoded once per worker and round, however many bundles repeat them.
                    parallelMap(
                        records, workers: jobs, state: { CertificateCache() },
                        transform: { cache, record in
                            defer { counter.advance() }
                            return row(record, fields: fields, cache: cache)
                        })
                },
                foreground: { if let parsed { merge(parsed.round, parsed.results) } })
            parsed = (round, results)
        }
        if let parsed { merge(parsed.round, parsed.results) }
        certificates.removeLast(certificates.count - kept)
        outcome.badValues += badValues.filter { !refusedLines.contains($0.line) }
        outcome.summary.sha256 = digest.finalHex()
        outcome.summary.notes = [
            "one row per certificate row that names a bundle; the digest covers each file read (path and SHA-256); "
                + "a bundle that cannot be read counts as quarantined, also when its row stays on its inventory "
                + "not_after (UP-PEM-FORMAT)"
        ]
        return outcome
    }

    /// The files a row's bundles may read, relative to the bundles folder: the ones its columns name.
    static func files(of record: CertificateRecord) -> [String] {
        [record.bundle, record.key, record.passwordFile, record.encBundle, record.encKey].compactMap { $0 }
    }

    /// One row: its bundle (and SM2 encryption bundle) loaded, each file read once.
    private func row(_ record: CertificateRecord, fields: [InputColumn: Int], cache: CertificateCache) -> RowResult {
        guard let bundle = record.bundle else {
            return .accepted(bundle: nil, encryption: nil, digestLine: nil, unreadable: [])
        }
        let request = BundleRequest(bundle: bundle, key: record.key, passwordFile: record.passwordFile)
        var bundleFacts: BundleFacts?
        var encryptionFacts: BundleFacts?
        var unreadable: [BadValue] = []
        var digest = ""
        let read = FileDigests()
        switch loader.load(request, asOf: asOf, cache: cache, digests: read) {
        case .success(let facts):
            bundleFacts = facts
            digest += digestLine(for: request, read: read)
        case .failure(let error):
            // Without a readable bundle, the inventory's not_after is all there is to audit.
            guard record.claimedNotAfter != nil else { return refusal(record, error.message) }
            unreadable.append(unreadableBundle(record, .bundle, fields, bundle, error.message))
        }
        if let encBundle = record.encBundle {
            let encryption = BundleRequest(bundle: encBundle, key: record.encKey, passwordFile: record.passwordFile)
            let readForEncryption = FileDigests()
            switch loader.load(encryption, asOf: asOf, cache: cache, digests: readForEncryption) {
            case .success(let facts):
                encryptionFacts = facts
                digest += digestLine(for: encryption, read: readForEncryption)
            case .failure(let error):
                unreadable.append(
                    unreadableBundle(
                        record, .encBundle, fields, encBundle, "SM2 encryption certificate: " + error.message))
            }
        }
        return .accepted(
            bundle: bundleFacts, encryption: encryptionFacts, digestLine: digest.isEmpty ? nil : digest,
            unreadable: unreadable)
    }

    /// A bundle (or SM2 encryption bundle) that could not be read, on a row that stays.
    private func unreadableBundle(
        _ record: CertificateRecord, _ column: CertificatesColumn, _ fields: [InputColumn: Int], _ path: String,
        _ reason: String
    ) -> BadValue {
        BadValue(
            column: InputColumn(column), line: record.line, field: fields[InputColumn(column)] ?? 0, value: path,
            reason: reason, certificateID: record.id)
    }

    private func refusal(_ record: CertificateRecord, _ reason: String) -> RowResult {
        .refused(
            QuarantineRecord(
                input: EstateLoader.certificatesFile, line: record.line, reason: reason, certificateID: record.id,
                ruleID: .upPemFormat))
    }

    /// `path sha256\n` for the bundle and key files of a request that loaded (so their paths are safe):
    /// from the bytes the load read, so each file is read once; a path the load did not read as one
    /// file (a folder bundle, a key file that could not be read) is digested from the disk as before
    /// — "unreadable" when it is no regular file.
    private func digestLine(for request: BundleRequest, read: FileDigests) -> String {
        [request.bundle, request.key, request.passwordFile].compactMap { $0 }.map { relative in
            let digest =
                read.byPath[relative]
                ?? (try? SHA256Digest.hex(fileAt: EstateLoader.path(loader.bundlesDirectory, relative)))
                ?? "unreadable"
            return "\(relative) \(digest)\n"
        }.joined()
    }
}
