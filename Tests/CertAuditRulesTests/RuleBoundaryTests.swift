import CertAuditCore
import CertAuditX509
import Foundation
import Testing

@testable import CertAuditRules

/// The edges the README and RULES.md state exactly, one day (or one bit) on each side.
struct RuleBoundaryTests {
    static let day = ExampleEstate.day

    static func findings(_ rule: any Rule, _ estate: Estate) -> [Finding] {
        RuleRunner(rules: [rule]).run(RuleContext(estate: estate, settings: ExampleEstate.settings))
    }

    /// A certificate whose notAfter is `days` whole days after the as-of time (local midnight), so
    /// that it has exactly `days` days to expiry.
    static func expiring(in days: Int64, status: CertificateState = .issued) -> Certificate {
        ExampleEstate.certificate(
            bundle: ExampleEstate.bundle(ExampleEstate.leaf(notBefore: day(-60), notAfter: day(days)))
        ) { $0.status = status }
    }

    /// README: CERT-EXPIRING is high within 7 days, medium within the threshold (30 by default).
    @Test(arguments: [
        (Int64(0), Severity.high), (1, .high), (7, .high), (8, .medium), (29, .medium), (30, .medium),
    ])
    func expiringIsHighUpToSevenDaysThenMedium(days: Int64, severity: Severity) {
        let found = Self.findings(ExpiringRule(), Estate(certificates: [Self.expiring(in: days)]))
        #expect(found.map(\.severity) == [severity], "\(days) days left")
        #expect(found.first?.message.hasPrefix("Expires in \(days) days") == true)
    }

    @Test func expiringStopsAtTheThreshold() {
        #expect(Self.findings(ExpiringRule(), Estate(certificates: [Self.expiring(in: 31)])).isEmpty)
    }

    /// README: CERT-EXPIRED is high while a certificate is live or bound to a resource, and low for
    /// one the console already lists as expired, revoked, cancelled or refunded that nothing serves.
    @Test(arguments: [
        (CertificateState.issued, false, Severity.high), (.validating, false, .high), (.issued, true, .high),
        (.expired, false, .low), (.revoked, false, .low), (.cancelled, false, .low), (.refunded, false, .low),
        (.expired, true, .high), (.revoked, true, .high), (.cancelled, true, .high), (.refunded, true, .high),
    ])
    func expiredIsLowOnlyForARetiredCertificateNothingServes(status: CertificateState, bound: Bool, severity: Severity)
    {
        let estate = Estate(
            certificates: [Self.expiring(in: -1, status: status)],
            resources: bound ? [ExampleEstate.resource(serving: "cert-1")] : [])
        let found = Self.findings(ExpiredRule(), estate)
        #expect(found.map(\.severity) == [severity], "\(status), bound: \(bound)")
    }

    /// RULES.md §2: the old certificate's remaining validity when hosting is configured must be at
    /// least the lead. With a 25-day lead, 25 days left is fine and 24 is not, for a plan in
    /// hosting.csv and for a requested `host` operation alike.
    @Test(arguments: [(Int64(25), false), (24, true)])
    func hostingLeadNeedsAtLeastTheLeadInDaysLeft(left: Int64, denied: Bool) {
        // The certificate expires 120 days after as-of: configured on day 120 − left.
        let certificate = ExampleEstate.certificate("c", source: .issued)
        var plan = HostingRecord(line: 2, certificateID: "c")
        plan.replaceLead = .daysBeforeExpiry(25)
        plan.configuredOn = Self.day(120 - left)
        let planned = Self.findings(
            HostingLeadRule(), Estate(certificates: [certificate], lifecycle: LifecycleInputs(hosting: [plan])))
        #expect(planned.isEmpty == !denied, "\(left) days left: \(planned.map(\.message))")
        if denied { #expect(planned.first?.message.contains("configured with 24 days left") == true) }

        let request = ExampleEstate.operation(.host, on: "c", at: Self.day(120 - left), ["lead": "25"])
        let estate = Estate(certificates: [certificate], lifecycle: LifecycleInputs(operations: [request]))
        let verdict = OperationJudge().judge(RuleContext(estate: estate, settings: ExampleEstate.settings))
        #expect(verdict.count == 1)
        #expect(verdict.first?.denials.map(\.ruleID).contains(.hostLead) == denied, "\(left) days left")
    }

    /// CRYPTO-WEAK-SIG: a name holding MD5, MD2, SHA1 or SHA-1 in any case, anywhere in it, is weak;
    /// the SHA-2 family and names that only come close are not, on the leaf and on an intermediate.
    @Test(arguments: [
        ("sha1WithRSAEncryption", true), ("ecdsa-with-SHA1", true), ("md5WithRSAEncryption", true),
        ("MD2WITHRSAENCRYPTION", true), ("RSA-SHA-1", true), ("dsaWithSHA1", true),
        ("sha256WithRSAEncryption", false), ("ecdsa-with-SHA384", false), ("SM2-with-SM3", false),
        ("sha-256", false), ("md", false), ("sha", false), ("", false),
    ])
    func weakSignaturesAreFoundByName(algorithm: String, weak: Bool) {
        #expect(WeakSignatureRule.isWeak(algorithm) == weak, "\(algorithm)")
        let onLeaf = ExampleEstate.bundle(ExampleEstate.leaf(signature: algorithm))
        let onIntermediate = ExampleEstate.bundle(others: [ExampleEstate.intermediate(signature: algorithm)])
        for bundle in [onLeaf, onIntermediate] {
            let found = Self.findings(
                WeakSignatureRule(), Estate(certificates: [ExampleEstate.certificate(bundle: bundle)]))
            #expect(found.count == (weak ? 1 : 0), "\(algorithm)")
        }
    }

    /// BR 6.1.5: RSA keys of 2048 bits pass, 2047 do not; on facts and on real certificates
    /// (Tests/CertAuditX509Tests/Fixtures, from scripts/make_x509_fixtures.py).
    @Test(arguments: [(2047, true), (2048, false)])
    func rsaKeysNeedTwoThousandFortyEightBits(bits: Int, weak: Bool) throws {
        let facts = ExampleEstate.leaf(key: PublicKeyFacts(algorithm: .rsa, bits: bits))
        let synthetic = Self.findings(
            WeakKeyRule(), Estate(certificates: [ExampleEstate.certificate(bundle: ExampleEstate.bundle(facts))]))
        #expect(synthetic.isEmpty == !weak, "\(bits) bits")

        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CertAuditX509Tests/Fixtures").path
        let trust = try TrustStore(anchorFiles: [fixtures + "/trust/root.pem"], includeSystemDefaults: false)
        let bundle = try BundleLoader(bundlesDirectory: fixtures, trust: trust).load(
            BundleRequest(bundle: "leaf-rsa\(bits).pem"), asOf: ExampleEstate.asOf
        ).get()
        #expect(bundle.leaf.publicKey.algorithm == .rsa && bundle.leaf.publicKey.bits == bits)
        let real = Self.findings(WeakKeyRule(), Estate(certificates: [ExampleEstate.certificate(bundle: bundle)]))
        #expect(
            real.map(\.message) == (weak ? ["\(bundle.leaf.subject) has an RSA key of 2047 bits (minimum 2048)."] : []))
    }
}
