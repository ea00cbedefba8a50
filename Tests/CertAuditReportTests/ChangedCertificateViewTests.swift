import Testing

@testable import CertAuditReport

/// `partials/changes` shows "replaces …" only under `{{#previousID}}`: the view leaves it nil, and so
/// absent to the template, for a certificate renewed in place or without a predecessor.
@Suite struct ChangedCertificateViewTests {
    func view(id: String, previousID: String?) -> ChangedCertificateView {
        ChangedCertificateView(
            ReportChanges.Certificate(
                change: "renewed", id: id, fingerprint: nil, previousID: previousID, previousFingerprint: nil))
    }

    @Test func aPredecessorOfAnotherIDIsShown() {
        #expect(view(id: "cas-2", previousID: "cas-1").previousID == "cas-1")
    }

    @Test func aRenewalInPlaceOrNoPredecessorLeavesItAbsent() {
        #expect(view(id: "cas-1", previousID: "cas-1").previousID == nil)
        #expect(view(id: "cas-1", previousID: nil).previousID == nil)
    }
}
