import CertAuditCore
import CertAuditX509

/// Attaches parsed bundles to certificate rows, in parallel and in input order. A row whose bundle
/// cannot be read leaves the estate for the quarantine, with the loader's UP-PEM-FORMAT wording.
struct BundleStage: Sendable {
    let loader: BundleLoader
    let asOf: Instant
    let jobs: Int

    struct Outcome {
        var certificates: [Certificate]
        var quarantine: [QuarantineRecord]
        /// The `bundles/` line of the manifest.
        var summary: InputSummary
    }

    /// One row's result: the certificate, or why it was refused; and the digest of what was read.
    private enum RowResult: Sendable {
        case accepted(Certificate, digestLine: String?)
        case refused(QuarantineRecord)
    }

    func attach(to records: [CertificateRecord]) -> Outcome {
        let results = parallelMap(records, workers: jobs) { record -> RowResult in
            guard let bundle = record.bundle else { return .accepted(Certificate(record: record), digestLine: nil) }
            let request = BundleRequest(bundle: bundle, key: record.key, passwordFile: record.passwordFile)
            var certificate = Certificate(record: record)
            switch loader.load(request, asOf: asOf) {
            case .success(let facts): certificate.bundle = facts
            case .failure(let error): return refusal(record, error.message)
            }
            var digest = digestLine(for: request)
            if let encBundle = record.encBundle {
                let encryption = BundleRequest(bundle: encBundle, key: record.encKey, passwordFile: record.passwordFile)
                switch loader.load(encryption, asOf: asOf) {
                case .success(let facts): certificate.encryption = facts
                case .failure(let error): return refusal(record, "SM2 encryption certificate: " + error.message)
                }
                digest += digestLine(for: encryption)
            }
            return .accepted(certificate, digestLine: digest)
        }
        var outcome = Outcome(
            certificates: [], quarantine: [],
            summary: InputSummary(name: "bundles/", sha256: "", rows: 0, accepted: 0, quarantined: 0))
        var digestLines: [String] = []
        var interner = FactsInterner()
        for result in results {
            switch result {
            case .accepted(var certificate, let line):
                certificate.bundle = certificate.bundle.map { interner.intern($0) }
                certificate.encryption = certificate.encryption.map { interner.intern($0) }
                outcome.certificates.append(certificate)
                if let line {
                    digestLines.append(line)
                    outcome.summary.accepted += 1
                }
            case .refused(let record):
                outcome.quarantine.append(record)
                outcome.summary.quarantined += 1
            }
        }
        // Counted from the rows, not from the outcomes: a row that got lost on the way shows as
        // rows ≠ accepted + quarantined.
        outcome.summary.rows = records.filter { $0.bundle != nil }.count
        outcome.summary.sha256 = SHA256Digest.hex(Array(digestLines.joined().utf8))
        outcome.summary.notes = [
            "one row per certificate row that names a bundle; the digest covers each file read (path and SHA-256)"
        ]
        return outcome
    }

    private func refusal(_ record: CertificateRecord, _ reason: String) -> RowResult {
        .refused(
            QuarantineRecord(
                input: EstateLoader.certificatesFile, line: record.line, reason: reason, certificateID: record.id,
                ruleID: "UP-PEM-FORMAT"))
    }

    /// `path sha256\n` for the bundle and key files of a request that loaded (so their paths are safe).
    private func digestLine(for request: BundleRequest) -> String {
        [request.bundle, request.key, request.passwordFile].compactMap { $0 }.map { relative in
            let digest =
                (try? SHA256Digest.hex(fileAt: EstateLoader.path(loader.bundlesDirectory, relative))) ?? "unreadable"
            return "\(relative) \(digest)\n"
        }.joined()
    }
}
