import CertAuditConsole
import CertAuditCore
import Testing

/// Main domains as RI-ONE-PER-DOMAIN counts them, without the Public Suffix List.
struct MainDomainTests {
    @Test func theLastTwoLabelsOrThreeUnderATwoLabelSuffix() {
        #expect(MainDomain.of("www.example.com") == "example.com")
        #expect(MainDomain.of("*.Example.COM.") == "example.com")
        #expect(MainDomain.of("www.shop.example.com.cn") == "example.com.cn")
        #expect(MainDomain.of("api.example.co.uk") == "example.co.uk")
    }

    @Test func namesWithoutAMainDomain() {
        #expect(MainDomain.of("com.cn") == nil)
        #expect(MainDomain.of("localhost") == nil)
        #expect(MainDomain.of("10.0.0.1") == nil)
        #expect(MainDomain.of("a..example.com") == nil)
    }

    @Test func aCertificateWithoutBundleUsesTheInventorysNames() {
        var record = CertificateRecord(line: 2, id: "c")
        record.claimedDomain = "www.example.com"
        record.claimedSANs = ["api.example.com", "shop.example.com.cn", "10.0.0.1"]
        let certificate = Certificate(record: record)
        #expect(certificate.domainNames == ["www.example.com", "api.example.com", "shop.example.com.cn", "10.0.0.1"])
        #expect(certificate.mainDomains == ["example.com", "example.com.cn"])
    }
}
