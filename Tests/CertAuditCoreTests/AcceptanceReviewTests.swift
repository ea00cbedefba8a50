import Testing

@testable import CertAuditCore

/// Issue 11: accepted.csv. An accepted finding stays listed but is excused; past `until` it counts
/// again and says so; a row that names nothing is stale.
struct AcceptanceReviewTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 28)!
    static let weak = Finding(ruleID: .cryptoWeakSig, severity: .high, certificateID: "c1", message: "sha1")
    static let download = Finding(ruleID: .upDownloadFlag, severity: .info, certificateID: "c2", message: "d")
    static let channel = Finding(ruleID: .notifyChannels, severity: .medium, message: "m", aspect: "c-legacy sms")

    static func risk(
        _ line: Int, key: String? = nil, rule: String? = nil, certificate: String? = nil, until: LocalDate = asOf
    ) -> AcceptedRisk {
        AcceptedRisk(
            line: line, findingKey: key.map(FindingKey.init(text:)), ruleID: rule, certificateID: certificate,
            reason: "why", acceptedBy: "who", until: until)
    }

    @Test func acceptedLapsedAndStale() {
        let review = AcceptanceReview(
            findings: [Self.weak, Self.download, Self.channel],
            accepted: [
                Self.risk(2, rule: "CRYPTO-WEAK-SIG", certificate: "c1"),  // until the as-of date: still in force
                Self.risk(3, rule: "UP-DOWNLOAD-FLAG", certificate: "c2", until: Self.asOf - 1),
                Self.risk(4, key: "NOTIFY-CHANNELS;a=c-legacy sms", until: Self.asOf + 90),
                Self.risk(5, key: "CERT-EXPIRED;c=c1", until: Self.asOf + 90),
            ], on: Self.asOf)
        #expect(review.rows.map(\.standing) == [.accepted, .lapsed, .accepted, .stale])
        #expect(review.rows.map(\.matches) == [1, 1, 1, 0])
        #expect(review.excuses(Self.weak) && review.excuses(Self.channel))
        #expect(!review.excuses(Self.download))
        #expect(review.acceptance(of: Self.download)?.lapsed == true)
        #expect(review.acceptance(of: Self.download)?.risk.line == 3)
    }

    @Test func everyGivenColumnMustMatch() {
        let both = Self.risk(2, key: "CRYPTO-WEAK-SIG;c=c1", rule: "CRYPTO-WEAK-SIG", certificate: "c2")
        #expect(!both.matches(Self.weak))
        #expect(Self.risk(2, key: "CRYPTO-WEAK-SIG;c=c1", rule: "CRYPTO-WEAK-SIG").matches(Self.weak))
        #expect(!Self.risk(2, rule: "CRYPTO-WEAK-SIG", certificate: "c2").matches(Self.weak))
    }

    @Test func anAcceptanceInForceWinsOverALapsedOne() {
        let review = AcceptanceReview(
            findings: [Self.weak],
            accepted: [
                Self.risk(2, rule: "CRYPTO-WEAK-SIG", certificate: "c1", until: Self.asOf - 10),
                Self.risk(3, key: "CRYPTO-WEAK-SIG;c=c1", until: Self.asOf + 10),
            ], on: Self.asOf)
        #expect(review.excuses(Self.weak))
        #expect(review.acceptance(of: Self.weak)?.risk.line == 3)
        #expect(review.rows.map(\.standing) == [.lapsed, .accepted])
    }

    /// A finding is under an acceptance only when it is one the review matched: another finding of
    /// an accepted rule is not, nor is any finding when accepted.csv has no rows.
    @Test func onlyTheFindingsARowMatchedAreUnderAnAcceptance() {
        let review = AcceptanceReview(
            findings: [Self.weak, Self.download], accepted: [Self.risk(2, rule: "CRYPTO-WEAK-SIG")], on: Self.asOf)
        let otherCertificate = Finding(ruleID: .cryptoWeakSig, severity: .high, certificateID: "c9", message: "sha1")
        #expect(review.acceptance(of: Self.weak)?.risk.line == 2)
        #expect(review.acceptance(of: otherCertificate) == nil)
        #expect(review.acceptance(of: Self.download) == nil)
        let none = AcceptanceReview(findings: [Self.weak, Self.download], accepted: [], on: Self.asOf)
        #expect(none.rows.isEmpty && none.acceptance(of: Self.weak) == nil && !none.excuses(Self.weak))
    }
}
