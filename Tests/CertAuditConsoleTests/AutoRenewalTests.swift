import CertAuditConsole
import CertAuditCore
import Testing

/// AR-CHARGE-DATE, AR-ENABLE-WINDOW and AR-ELIGIBLE, for a certificate expiring Thursday 2026-12-31.
struct AutoRenewalTests {
    let expiry = day(2026, 12, 31)

    @Test func switchedOnThirtyOrMoreDaysAheadChargesThirtyDaysBefore() {
        // 2026-11-01 is 60 days ahead: charged 2026-12-31 − 30 = 2026-12-01.
        #expect(AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: day(2026, 11, 1)) == day(2026, 12, 1))
        // 2026-12-01 is exactly 30 days ahead: charged that day, which is also 30 days before.
        #expect(AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: day(2026, 12, 1)) == day(2026, 12, 1))
    }

    @Test func switchedOnTwentyNineToFourteenDaysAheadChargesThatDay() {
        #expect(AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: day(2026, 12, 2)) == day(2026, 12, 2))
        #expect(AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: day(2026, 12, 17)) == day(2026, 12, 17))
    }

    @Test func switchedOnWithFewerThanFourteenDaysLeftNeverCharges() {
        #expect(AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: day(2026, 12, 18)) == nil)
        #expect(AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: day(2027, 1, 2)) == nil)
        #expect(AutoRenewal.canSwitchOn(daysLeft: 14))
        #expect(!AutoRenewal.canSwitchOn(daysLeft: 13))
    }

    @Test func onlySupportedPlatformProductsAutoRenew() {
        func record(_ source: CertificateSource, _ brand: String?, _ product: Product?, _ type: DomainType?)
            -> CertificateRecord
        {
            var record = CertificateRecord(line: 2, id: "c", source: source)
            record.brand = brand
            record.product = product
            record.domainType = type
            return record
        }
        #expect(AutoRenewal.supports(record(.issued, "DNSPod", .dv, .single)))
        #expect(AutoRenewal.supports(record(.issued, "dnspod", .dv, .wildcard)))
        #expect(AutoRenewal.supports(record(.issued, "TrustAsia", .dv, .wildcard)))
        #expect(AutoRenewal.supports(record(.issued, "WoTrus", .dv, .wildcard)))
        #expect(!AutoRenewal.supports(record(.uploaded, "DNSPod", .dv, .single)))
        #expect(!AutoRenewal.supports(record(.issued, "TrustAsia", .dv, .single)))
        #expect(!AutoRenewal.supports(record(.issued, "DNSPod", .dvFree, .single)))
        #expect(!AutoRenewal.supports(record(.issued, "GeoTrust", .ov, .single)))
        #expect(!AutoRenewal.supports(record(.issued, nil, .dv, .single)))
    }
}
