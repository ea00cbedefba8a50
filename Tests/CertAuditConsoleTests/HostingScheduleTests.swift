import CertAuditConsole
import CertAuditCore
import Testing

/// The hosting schemes' resource types, HOST-LEAD's replacement date, HOST-MESSAGES' reminder and
/// UPH-AUTO-SUBMIT, for a certificate expiring Thursday 2026-12-31.
struct HostingScheduleTests {
    let expiry = day(2026, 12, 31)

    @Test func uploadedHostingCoversFiveMoreResourceTypes() {
        #expect(HostingScheme.platform.resourceTypes.contains("CLB"))
        #expect(!HostingScheme.platform.resourceTypes.contains("COS"))
        #expect(HostingScheme.uploaded.resourceTypes.contains("COS"))
        #expect(HostingScheme.uploaded.resourceTypes.contains("CLB"))
        #expect(HostingScheme.uploaded.resourceTypes.count == HostingScheme.platform.resourceTypes.count + 5)
        let uploaded = Certificate(record: CertificateRecord(line: 2, id: "u", source: .uploaded))
        let issued = Certificate(record: CertificateRecord(line: 3, id: "i", source: .issued))
        #expect(HostingScheme(for: uploaded) == .uploaded)
        #expect(HostingScheme(for: issued) == .platform)
    }

    @Test func theReplacementComesTheLeadBeforeExpiryAndTheReminderThreeDaysEarlier() {
        let lead = ReplaceLead.daysBeforeExpiry(25)
        // 2026-12-31 − 25 = 2026-12-06; the reminder 3 days before, 2026-12-03.
        #expect(lead.replacementDate(expiringOn: expiry) == day(2026, 12, 6))
        #expect(lead.reminderDate(expiringOn: expiry) == day(2026, 12, 3))
        #expect(ReplaceLead.daysBeforeExpiry(7).replacementDate(expiringOn: expiry) == day(2026, 12, 24))
        #expect(ReplaceLead.immediately.replacementDate(expiringOn: expiry) == nil)
        #expect(ReplaceLead.allowedDays == [25, 15, 7])
    }

    @Test func aLeadIsReachableOnlyWithAtLeastThatManyDaysLeft() {
        let lead = ReplaceLead.daysBeforeExpiry(25)
        #expect(lead.isReachable(configuredOn: day(2026, 12, 6), expiringOn: expiry))
        #expect(!lead.isReachable(configuredOn: day(2026, 12, 7), expiringOn: expiry))
        #expect(ReplaceLead.immediately.isReachable(configuredOn: day(2026, 12, 30), expiringOn: expiry))
    }

    @Test func uploadedHostingSubmitsTheSuccessorTwentyNineDaysBeforeExpiry() {
        #expect(HostingScheme.autoSubmitDate(expiringOn: expiry) == day(2026, 12, 2))
    }

    @Test func onlyPlansInForceOnKnownCertificatesAreActive() {
        func plan(_ line: Int, _ id: String, _ status: HostingState?) -> HostingRecord {
            var record = HostingRecord(line: line, certificateID: id)
            record.status = status
            return record
        }
        let estate = Estate(
            certificates: [Certificate(record: CertificateRecord(line: 2, id: "c"))],
            lifecycle: LifecycleInputs(hosting: [
                plan(2, "c", .hosting), plan(3, "c", nil), plan(4, "c", .replacing), plan(5, "c", .waitingDeploy),
                plan(6, "c", .completed), plan(7, "c", .notHosted), plan(8, "unknown", .hosting),
            ]))
        #expect(HostingPlan.active(in: estate).map(\.record.line) == [2, 3, 4, 5])
        // Made as they are read, never gathered into an array (see `active(in:)`), and read again
        // the same.
        let plans = HostingPlan.active(in: estate)
        #expect(!(plans is [HostingPlan]) && plans.underestimatedCount == 0)
        #expect(plans.map(\.record.line) == [2, 3, 4, 5] && plans.map(\.record.line) == [2, 3, 4, 5])
    }
}
