import CertAuditConsole
import CertAuditCore
import Testing

/// HOST-STATES: what each event does to a hosting plan.
struct HostingPlanStateTests {
    let at = RunTimeZone.shanghai.instant(of: day(2026, 12, 6))

    @Test func aPlanStartsAsHostingCSVStatesItWithItsDesignatedCertificate() {
        var record = HostingRecord(line: 2, certificateID: "old", association: .designated("new"))
        record.status = .hosting
        let state = HostingPlanState(record)
        #expect(state.status == .hosting)
        #expect(state.newCertificateID == "new")
        #expect(state.isInForce)
        #expect(HostingPlanState(HostingRecord(line: 3, certificateID: "old")).newCertificateID == nil)
        #expect(HostingPlanState(HostingRecord(line: 3, certificateID: "old")).status == nil)
        #expect(HostingPlanState(HostingRecord(line: 3, certificateID: "old")).isInForce)
    }

    @Test func theSuccessorIsAssociatedIssuedAndDeployed() {
        let detected = HostingPlanState().applying(.newCertificateAssociated(id: "old~1"), at: at)
        #expect(detected.newCertificateID == "old~1")
        #expect(detected.status == .hosting)
        let issued = detected.applying(.newCertificateIssued, at: at)
        #expect(issued.status == .waitingDeploy)
        #expect(issued.isInForce)
        let replaced = issued.applying(.replaced, at: at)
        #expect(replaced.status == .completed)
        #expect(!replaced.isInForce)
        #expect(replaced.failedAt == nil)
    }

    @Test func aFailedReplacementKeepsThePlanInForce() {
        let failed = HostingPlanState().applying(.replacementFailed, at: at)
        #expect(failed.failedAt == at)
        #expect(failed.status == .hosting)
        #expect(failed.isInForce)
        let cancelled = failed.applying(.cancelled, at: at)
        #expect(cancelled.status == .notHosted)
        #expect(!cancelled.isInForce)
    }
}
