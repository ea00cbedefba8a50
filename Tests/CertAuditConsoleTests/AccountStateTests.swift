import CertAuditConsole
import CertAuditCore
import Testing

/// An account's balance drawn by charges in order (AR-CHARGE-FAILED), in fen.
struct AccountStateTests {
    let zone = RunTimeZone.shanghai

    @Test func chargesDrawTheBalanceUntilOneCannotBeCovered() throws {
        let first = zone.instant(of: day(2026, 12, 1))
        let second = zone.instant(of: day(2026, 12, 11))
        var account = try #require(AccountState(AccountRecord(line: 2, id: "acc", balanceFen: 50_000)))
        #expect(AccountState(AccountRecord(line: 3, id: "unknown", balanceFen: nil)) == nil)
        #expect(account.charge(30_000) == .charged(fen: 30_000))
        account = account.applying(account.charge(30_000), at: first)
        #expect(account.balanceFen == 20_000)
        #expect(account.firstShortfallAt == nil)
        // The second certificate's charge needs 30,000 fen too: the first one used the balance.
        #expect(account.charge(30_000) == .chargeRefused(fen: 30_000))
        account = account.applying(account.charge(30_000), at: second)
        #expect(account.balanceFen == 20_000)
        #expect(account.firstShortfallAt == second)
        // A later shortfall does not move the first one; an exact amount is still covered.
        account = account.applying(.chargeRefused(fen: 90_000), at: second + 86_400)
        #expect(account.firstShortfallAt == second)
        #expect(account.charge(20_000) == .charged(fen: 20_000))
        #expect(account.applying(account.charge(20_000), at: second).balanceFen == 0)
    }
}
