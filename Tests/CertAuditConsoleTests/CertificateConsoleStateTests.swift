import CertAuditConsole
import CertAuditCore
import Testing

/// The state of one certificate in the console and what each event does to it.
struct CertificateConsoleStateTests {
    let zone = RunTimeZone.shanghai
    /// Noon (Shanghai) on a date.
    func noon(_ date: LocalDate) -> Instant { zone.instant(of: date, hour: 12) }

    /// An issued, platform-issued certificate with inventory switches, valid until 2026-12-31 23:59:59.
    var inventory: Certificate {
        var record = CertificateRecord(line: 2, id: "c")
        record.status = .issued
        record.claimedNotAfter = zone.instant(of: day(2026, 12, 31), hour: 23, minute: 59, second: 59)
        record.autoRenew = false
        record.ignored = nil
        record.reissueCount = 1
        return Certificate(record: record)
    }

    @Test func theInventoryStateReadsBackAsTheSameRecord() {
        let state = CertificateConsoleState(inventory)
        #expect(state.status == .issued)
        #expect(state.notAfter == inventory.notAfter)
        #expect(state.autoRenew == false)
        #expect(state.messagesIgnored == nil)
        #expect(state.reissueCount == 1)
        #expect(state.record(from: inventory.record, on: day(2026, 11, 28)) == inventory.record)
    }

    @Test func switchingAutoRenewalAndMessages() {
        let at = noon(day(2026, 11, 28))
        let on = CertificateConsoleState(inventory).applying(.autoRenewSwitchedOn, at: at)
        #expect(on.autoRenew == true)
        #expect(on.autoRenewOnSince == at)
        let off = on.applying(.autoRenewSwitchedOff, at: at + 60)
        #expect(off.autoRenew == false)
        #expect(off.autoRenewOnSince == nil)
        let ignored = off.applying(.messagesIgnored, at: at)
        #expect(ignored.messagesIgnored == true)
        #expect(ignored.messagesIgnoredSince == at)
        let followed = ignored.applying(.messagesFollowed, at: at + 60)
        #expect(followed.messagesIgnored == false)
        #expect(followed.messagesIgnoredSince == nil)
        let record = ignored.record(from: inventory.record, on: day(2026, 11, 28))
        #expect(record.ignored == true && record.ignoredSince == at && record.autoRenew == false)
    }

    @Test func aReissueIsUnderReviewUntilItsEnd() {
        let review = ReviewPeriod(start: day(2026, 11, 27), end: day(2026, 11, 30))
        let state = CertificateConsoleState(inventory).applying(
            .reissueRequested(review: review), at: noon(review.start))
        #expect(state.reissueCount == 2)
        #expect(state.reissue == review)
        #expect(state.status == .issued)
        #expect(state.status(on: day(2026, 11, 30)) == .reissuing)
        #expect(state.status(on: day(2026, 12, 1)) == .issued)
        #expect(state.lifecycleState(at: noon(day(2026, 11, 28)), in: zone) == .reissuing)
        #expect(state.record(from: inventory.record, on: day(2026, 11, 28)).status == .reissuing)
        #expect(state.record(from: inventory.record, on: day(2026, 11, 28)).reissueCount == 2)
        let first = CertificateConsoleState(status: .issued).applying(
            .reissueRequested(review: review), at: noon(review.start))
        #expect(first.reissueCount == 1)
    }

    @Test func revocationAndDeletion() {
        let requested = CertificateConsoleState(inventory).applying(.revocationRequested, at: noon(day(2026, 11, 28)))
        #expect(requested.status == .revoking)
        #expect(requested.isRevocationRequested)
        #expect(!requested.hasEnded)
        let revoked = requested.applying(.revoked, at: noon(day(2026, 11, 29)))
        #expect(revoked.status == .revoked)
        #expect(revoked.hasEnded)
        #expect(!revoked.isRevocationRequested)
        #expect(!revoked.isInForce(at: noon(day(2026, 11, 29)), in: zone))
        let deleted = revoked.applying(.deleted, at: noon(day(2026, 11, 30)))
        #expect(deleted.isDeleted)
        #expect(!revoked.isDeleted)
    }

    @Test func autoRenewalChargesCreateAndIssueASuccessor() {
        let at = noon(day(2026, 12, 1))
        let charged = CertificateConsoleState(inventory).applying(.autoRenewSwitchedOn, at: noon(day(2026, 11, 1)))
            .applying(.renewalCharged, at: at).applying(.successorCreated(id: "c~1"), at: at)
        #expect(charged.renewalChargedAt == at)
        #expect(charged.successorID == "c~1")
        #expect(charged.autoRenew == true)
        let successor = CertificateConsoleState.newOrder
        #expect(successor.status == .validating)
        #expect(successor.isInReview)
        #expect(!successor.isInForce(at: at, in: zone))
        let notAfter = zone.instant(of: day(2027, 6, 17), hour: 23, minute: 59, second: 59)
        let issued = successor.applying(.issued(notAfter: notAfter), at: noon(day(2026, 12, 2)))
        #expect(issued.status == .issued)
        #expect(issued.notAfter == notAfter)
        #expect(issued.isInForce(at: noon(day(2026, 12, 2)), in: zone))
        #expect(!issued.isInForce(at: notAfter + 1, in: zone))
        let failed = successor.applying(.validationFailed, at: noon(day(2026, 12, 4)))
        #expect(failed.status == .validationFailed)
        #expect(failed.hasEnded)
    }

    @Test func aFailedChargeStopsAutoRenewal() {
        let on = CertificateConsoleState(inventory).applying(.autoRenewSwitchedOn, at: noon(day(2026, 11, 1)))
        let failed = on.applying(.renewalChargeFailed, at: noon(day(2026, 12, 1)))
        #expect(failed.autoRenew == false)
        #expect(failed.autoRenewOnSince == nil)
        #expect(failed.renewalChargedAt == nil)
    }

    @Test func theStateAtAnInstantFollowsTheDates() {
        let state = CertificateConsoleState(inventory)
        let notAfter = inventory.notAfter!
        #expect(!state.isExpired(at: notAfter))
        #expect(state.isExpired(at: notAfter + 1))
        #expect(state.lifecycleState(at: notAfter, in: zone) == .issued)
        #expect(state.lifecycleState(at: notAfter + 1, in: zone) == .expired)
        // The inventory says expired at the as-of time; before its notAfter it was still issued.
        let expired = CertificateConsoleState(status: .expired, notAfter: notAfter)
        #expect(expired.lifecycleState(at: notAfter + (-86_400), in: zone) == .issued)
        #expect(expired.lifecycleState(at: notAfter + 1, in: zone) == .expired)
        // Without dates only the stored state tells.
        #expect(CertificateConsoleState(status: .expired).isExpired(at: notAfter + (-86_400)))
        #expect(CertificateConsoleState(status: nil).lifecycleState(at: notAfter, in: zone) == nil)
        #expect(!CertificateConsoleState(status: nil).isInForce(at: notAfter, in: zone))
        #expect(CertificateConsoleState(status: nil, notAfter: notAfter).isInForce(at: notAfter, in: zone))
    }

    @Test func anOutageStartsWithTheFirstSecondAfterExpiry() {
        var record = CertificateRecord(line: 2, id: "c")
        // 23:59:59 on 2026-12-31: the first expired second is on 2027-01-01.
        record.claimedNotAfter = zone.instant(of: day(2026, 12, 31), hour: 23, minute: 59, second: 59)
        #expect(Certificate(record: record).outageDate(in: zone) == day(2027, 1, 1))
        // 10:00:00 on 2026-12-31: already at 10:00:01 that day.
        record.claimedNotAfter = zone.instant(of: day(2026, 12, 31), hour: 10)
        #expect(Certificate(record: record).outageDate(in: zone) == day(2026, 12, 31))
        record.claimedNotAfter = nil
        #expect(Certificate(record: record).outageDate(in: zone) == nil)
    }

    @Test func theStateSetsOfTheConsole() {
        #expect(CertificateConsoleState(status: .pendingLetter).isInReview)
        #expect(!CertificateConsoleState(status: .issued).isInReview)
        #expect(CertificateConsoleState(status: .refunded).hasEnded)
        #expect(CertificateConsoleState(status: .pendingRevocationLetter).isRevocationRequested)
        #expect(CertificateConsoleState(status: .cancelled).isRetired)
        #expect(!CertificateConsoleState(status: .validationFailed).isRetired)
        #expect(!CertificateConsoleState(status: nil).isRetired)
        var record = CertificateRecord(line: 2, id: "c")
        record.status = .refunded
        #expect(Certificate(record: record).isRetired)
        record.status = .revoking
        #expect(!Certificate(record: record).isRetired)
        #expect(CertificateState.inReview.isDisjoint(with: CertificateState.ended))
        #expect(CertificateState.revocationRequested.isDisjoint(with: CertificateState.ended))
    }
}
