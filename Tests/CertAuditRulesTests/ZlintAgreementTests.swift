import CertAuditConsole
import CertAuditCore
import CertAuditX509
import Foundation
import Testing

@testable import CertAuditRules

/// Our rules against zlint's own expectations, on zlint's test certificates
/// (../shared/corpus/zlint/index.tsv): for every row whose lint maps to one of our rules, our
/// verdict — fires, stays quiet, does not apply, not yet effective — must equal zlint's.
struct ZlintAgreementTests {
    static let folder: String? = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return [
            repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/zlint").path,
            "/work/shared/corpus/zlint",
        ]
        .first { FileManager.default.fileExists(atPath: $0 + "/index.tsv") }
    }()

    /// What our implementation says about one certificate for one lint.
    enum Verdict: String {
        case fires = "Error"
        case warns = "Warn"
        case quiet = "Pass"
        case notApplicable = "NA"
        case notEffective = "NE"
    }

    /// Runs one rule on a one-certificate estate and returns its findings.
    static func findings(_ rule: any Rule, _ facts: CertificateFacts) -> [Finding] {
        let certificate = Certificate(
            record: CertificateRecord(line: 2, id: "zlint"),
            bundle: BundleFacts(
                leaf: facts, others: [], isInChainOrder: true, key: .absent,
                chain: ChainVerdict(status: .complete, length: 1)))
        return RuleRunner(rules: [rule]).run(
            RuleContext(estate: Estate(certificates: [certificate]), settings: ExampleEstate.settings))
    }

    static func issued(_ facts: CertificateFacts, before date: LocalDate) -> Bool {
        RunTimeZone.utc.localDate(of: facts.notBefore) < date
    }

    /// Our verdict for the lints that map to a certaudit rule; nil for any other lint.
    static func verdict(lint: String, facts: CertificateFacts) -> Verdict? {
        let subscriber = !facts.isCA
        switch lint {
        case "e_rsa_mod_less_than_2048_bits":
            guard facts.publicKey.algorithm == .rsa else { return .notApplicable }
            return findings(WeakKeyRule(), facts).isEmpty ? .quiet : .fires
        case "e_ec_improper_curves":
            guard facts.publicKey.algorithm == .ec else { return .notApplicable }
            return findings(WeakKeyRule(), facts).isEmpty ? .quiet : .fires
        case "e_sub_cert_or_sub_ca_using_sha1":
            guard !WeakSignatureRule.isRoot(facts) else { return .notApplicable }
            if issued(facts, before: WeakSignatureRule().descriptor.effectiveFrom!) { return .notEffective }
            return findings(WeakSignatureRule(), facts).isEmpty ? .quiet : .fires
        case "e_ext_san_missing":
            guard subscriber else { return .notApplicable }
            return findings(SubjectAltNameRule(), facts).contains { $0.message.contains("no subjectAltName") }
                ? .fires : .quiet
        case "e_subject_common_name_not_from_san", "e_subject_common_name_not_exactly_from_san":
            // zlint splits the rule at 2021-09-01: case-insensitive before, byte for byte after; so
            // does ours, so each lint is "not effective" on the other side of that date.
            guard subscriber else { return .notApplicable }
            let exactEra = !issued(facts, before: SubjectAltNameRule.exactMatchFrom)
            if issued(facts, before: SubjectAltNameRule().descriptor.effectiveFrom!)
                || exactEra != lint.hasSuffix("exactly_from_san")
            {
                return .notEffective
            }
            return findings(SubjectAltNameRule(), facts).contains { $0.message.contains("is not among the SANs") }
                ? .fires : .quiet
        default:
            return validityVerdict(lint: lint, facts: facts)
        }
    }

    /// The BR 6.3.2 lints: `e_…_longer_than_N_days` (a MUST) and `w_…_longer_than_N_days` (a SHOULD),
    /// each effective from its stage's date, judged with our own day arithmetic.
    static func validityVerdict(lint: String, facts: CertificateFacts) -> Verdict? {
        let limits: [String: (days: Int64, stage: Int)] = [
            "e_tls_server_cert_valid_time_longer_than_398_days": (398, 0),
            "w_tls_server_cert_valid_time_longer_than_397_days": (397, 0),
            "e_server_cert_valid_time_longer_than_200_days": (200, 1),
            "w_server_cert_valid_time_longer_than_199_days": (199, 1),
            "e_server_cert_valid_time_longer_than_100_days": (100, 2),
            "w_server_cert_valid_time_longer_than_99_days": (99, 2),
            "e_server_cert_valid_time_longer_than_47_days": (47, 3),
            "w_server_cert_valid_time_longer_than_46_days": (46, 3),
        ]
        guard let limit = limits[lint] else { return nil }
        guard !facts.isCA,
            MaximumValidityRule().applies(
                to: Certificate(
                    record: CertificateRecord(line: 1, id: "z"),
                    bundle: BundleFacts(leaf: facts, others: [], isInChainOrder: true, key: .absent, chain: .notChecked)
                ), in: RuleContext(estate: Estate(certificates: []), settings: ExampleEstate.settings))
        else {
            return .notApplicable
        }
        // Each stage's lint is effective only while its stage is in force, as our rule applies the
        // stage of the issue date.
        let stages = ValidityStage.schedule
        let next = limit.stage + 1 < stages.count ? stages[limit.stage + 1].from : nil
        if issued(facts, before: stages[limit.stage].from) || next.map({ !issued(facts, before: $0) }) == true {
            return .notEffective
        }
        let days = ValidityStage.validityDays(notBefore: facts.notBefore, notAfter: facts.notAfter)
        guard days > limit.days else { return .quiet }
        return lint.hasPrefix("w_") ? .warns : .fires
    }

    /// Where RULES.md itself differs from the lint, and why. The test requires these to differ and
    /// everything else to agree.
    static let documentedDifferences: [String: String] = [
        "rsawithsha1after2016.pem e_sub_cert_or_sub_ca_using_sha1":
            "a self-signed CA: RULES.md exempts roots from CRYPTO-WEAK-SIG, the lint applies to every certificate",
        "rsawithsha1before2016.pem e_sub_cert_or_sub_ca_using_sha1":
            "a self-signed CA: RULES.md exempts roots from CRYPTO-WEAK-SIG, the lint applies to every certificate",
    ]

    @Test(.enabled(if: folder != nil, "../shared/corpus/zlint is not beside this checkout"))
    func ourVerdictsMatchZlintsExpectations() throws {
        let folder = try #require(Self.folder)
        let index = try String(contentsOfFile: folder + "/index.tsv", encoding: .utf8)
        let trust = try TrustStore(anchorFiles: [], includeSystemDefaults: false)
        let loader = BundleLoader(bundlesDirectory: folder, trust: trust)
        var compared = 0
        var disagreements: [String] = []
        for line in index.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6, columns[5].isEmpty, !columns[1].isEmpty else { continue }
            let (file, lint, expected) = (columns[0], columns[1], columns[2])
            guard case .success(let facts) = loader.load(BundleRequest(bundle: file), asOf: ExampleEstate.asOf),
                let ours = Self.verdict(lint: lint, facts: facts.leaf)
            else { continue }
            compared += 1
            if ours.rawValue != expected {
                disagreements.append("\(file) \(lint)")
            }
        }
        #expect(compared >= 110)
        #expect(disagreements.sorted() == Self.documentedDifferences.keys.sorted(), "\(compared) rows compared")
    }
}
