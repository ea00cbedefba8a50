import CertAuditConsole
import CertAuditCore
import CertAuditX509
import Foundation
import Testing

@testable import CertAuditRules

/// Our rules against zlint's own expectations, on zlint's test certificates
/// (../shared/corpus/zlint/index.tsv): for every row whose lint maps to one of our rules, our
/// verdict — fires, stays quiet, does not apply, not yet effective — must equal zlint's.
///
/// Every verdict comes from the rule itself, run by the runner: "does not apply" is the rule's
/// `applies`, "not effective" the runner's effective dates or, where a lint covers one era of a rule
/// that changes over time (the validity stages, the CN comparison), what the rule does on a probe
/// certificate issued at the same moment. The test does no day or date arithmetic of its own.
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

    /// The BR 6.3.2 lints, by the number of days in their name: `e_…_longer_than_N_days` (a MUST,
    /// the stage's maximum) and `w_…_longer_than_N_days` (a SHOULD, one day less).
    static let validityLints: [String: (days: Int64, warning: Bool)] = [
        "e_tls_server_cert_valid_time_longer_than_398_days": (398, false),
        "w_tls_server_cert_valid_time_longer_than_397_days": (397, true),
        "e_server_cert_valid_time_longer_than_200_days": (200, false),
        "w_server_cert_valid_time_longer_than_199_days": (199, true),
        "e_server_cert_valid_time_longer_than_100_days": (100, false),
        "w_server_cert_valid_time_longer_than_99_days": (99, true),
        "e_server_cert_valid_time_longer_than_47_days": (47, false),
        "w_server_cert_valid_time_longer_than_46_days": (46, true),
    ]

    /// Every lint compared, validity lints included.
    static let mappedLints: Set<String> = Set(validityLints.keys).union([
        "e_rsa_mod_less_than_2048_bits", "e_ec_improper_curves", "e_sub_cert_or_sub_ca_using_sha1",
        "e_ext_san_missing", "e_subject_common_name_not_from_san", "e_subject_common_name_not_exactly_from_san",
    ])

    static func certificate(_ facts: CertificateFacts) -> Certificate {
        Certificate(
            record: CertificateRecord(line: 2, id: "zlint"),
            bundle: BundleFacts(
                leaf: facts, others: [], isInChainOrder: true, key: .absent,
                chain: ChainVerdict(status: .complete, length: 1)))
    }

    static let context = RuleContext(estate: Estate(certificates: []), settings: ExampleEstate.settings)

    /// The rule's findings on a one-certificate estate, as the runner produces them.
    static func findings(_ rule: any CertificateRule, _ facts: CertificateFacts) -> [Finding] {
        RuleRunner(rules: [rule], jobs: 1).run(
            RuleContext(estate: Estate(certificates: [certificate(facts)]), settings: ExampleEstate.settings))
    }

    /// Not applicable (the rule's `applies`), not effective (the runner's dates), or nil: judge it.
    static func scope(_ rule: any CertificateRule, _ facts: CertificateFacts) -> Verdict? {
        let certificate = certificate(facts)
        if !rule.applies(to: certificate, in: context) { return .notApplicable }
        let dates = rule.descriptor
        if !CertificateCheck.isEffective(from: dates.effectiveFrom, until: dates.effectiveUntil, for: certificate) {
            return .notEffective
        }
        return nil
    }

    /// Our verdict for a lint that maps to a certaudit rule; nil for any other lint.
    static func verdict(lint: String, facts: CertificateFacts) -> Verdict? {
        switch lint {
        case "e_rsa_mod_less_than_2048_bits", "e_ec_improper_curves":
            // Each lint looks at one key type only; CRYPTO-WEAK-KEY judges both.
            guard facts.publicKey.algorithm == (lint.hasPrefix("e_rsa") ? .rsa : .ec) else { return .notApplicable }
            return scope(WeakKeyRule(), facts) ?? (findings(WeakKeyRule(), facts).isEmpty ? .quiet : .fires)
        case "e_sub_cert_or_sub_ca_using_sha1":
            return scope(WeakSignatureRule(), facts) ?? (findings(WeakSignatureRule(), facts).isEmpty ? .quiet : .fires)
        case "e_ext_san_missing":
            return scope(SubjectAltNameRule(), facts)
                ?? (findings(SubjectAltNameRule(), facts).contains { $0.message.contains("no subjectAltName") }
                    ? .fires : .quiet)
        case "e_subject_common_name_not_from_san", "e_subject_common_name_not_exactly_from_san":
            if let scope = scope(SubjectAltNameRule(), facts) { return scope }
            // zlint splits the rule at 2021-09-01: case-insensitive before, byte for byte after. Which
            // era our rule is in at this issue date, it says itself: on a probe whose CN differs
            // from its SAN only in letter case.
            var probe = facts
            probe.commonNames = ["WWW.EXAMPLE.COM"]
            probe.subjectAltNames = [SubjectAltName(.dns, "www.example.com")]
            let exactEra = !findings(SubjectAltNameRule(), probe).isEmpty
            if exactEra != lint.hasSuffix("exactly_from_san") { return .notEffective }
            return findings(SubjectAltNameRule(), facts).contains { $0.message.contains("is not among the SANs") }
                ? .fires : .quiet
        default:
            return validityVerdict(lint: lint, facts: facts)
        }
    }

    /// A BR 6.3.2 lint, judged by BR-MAX-VALIDITY. The lint for N days is in force when our rule,
    /// on a probe issued at the same moment and valid for N + 1 days, names N days as the limit
    /// (the error's maximum, or the warning's one day less).
    static func validityVerdict(lint: String, facts: CertificateFacts) -> Verdict? {
        guard let limit = validityLints[lint] else { return nil }
        let rule = MaximumValidityRule()
        if !rule.applies(to: certificate(facts), in: context) { return .notApplicable }
        let named = "at most \(limit.days) days"
        var probe = facts
        probe.notAfter = facts.notBefore + ((limit.days + 1) * Instant.secondsPerDay - 1)
        let probeFindings = findings(rule, probe)
        let inForce = probeFindings.contains {
            $0.message.contains(named) && $0.severity == (limit.warning ? .low : .high)
        }
        guard inForce else { return .notEffective }
        let found = findings(rule, facts)
        if limit.warning { return found.isEmpty ? .quiet : .warns }
        return found.contains { $0.severity == .high && $0.message.contains(named) } ? .fires : .quiet
    }

    /// Where RULES.md itself differs from the lint, and why. The test requires these to differ and
    /// everything else to agree.
    static let documentedDifferences: [String: String] = [
        "rsawithsha1after2016.pem e_sub_cert_or_sub_ca_using_sha1":
            "a self-signed CA: RULES.md exempts roots from CRYPTO-WEAK-SIG, the lint applies to every certificate",
        "rsawithsha1before2016.pem e_sub_cert_or_sub_ca_using_sha1":
            "a self-signed CA: RULES.md exempts roots from CRYPTO-WEAK-SIG, the lint applies to every certificate",
    ]

    /// The README's figures: 117 rows of index.tsv map to a certaudit rule; 115 agree.
    @Test(.enabled(if: folder != nil, "../shared/corpus/zlint is not beside this checkout"))
    func ourVerdictsMatchZlintsExpectations() throws {
        let folder = try #require(Self.folder)
        let index = try String(contentsOfFile: folder + "/index.tsv", encoding: .utf8)
        let trust = try TrustStore(anchorFiles: [], includeSystemDefaults: false)
        let loader = BundleLoader(bundlesDirectory: folder, trust: trust)
        var compared = 0
        var agreeing = 0
        var unloadable: [String] = []
        var disagreements: [String] = []
        for line in index.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6, columns[5].isEmpty, Self.mappedLints.contains(columns[1]) else { continue }
            let (file, lint, expected) = (columns[0], columns[1], columns[2])
            guard case .success(let facts) = loader.load(BundleRequest(bundle: file), asOf: ExampleEstate.asOf) else {
                unloadable.append(file)
                continue
            }
            let ours = try #require(Self.verdict(lint: lint, facts: facts.leaf), "\(lint) has no verdict")
            compared += 1
            if ours.rawValue == expected {
                agreeing += 1
            } else {
                disagreements.append("\(file) \(lint)")
            }
        }
        #expect(unloadable.isEmpty, "rows whose certificate does not load: \(unloadable)")
        #expect(compared == 117)
        #expect(agreeing == 115)
        #expect(disagreements.sorted() == Self.documentedDifferences.keys.sorted())
    }
}
