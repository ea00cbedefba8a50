import Testing

@testable import CertAuditCore

/// A leaf's SANs are held as bare DNS names when they are all DNS names (so that the inventory row's
/// array can serve for them): the form may not change what the list reads, compares or hashes as.
struct SubjectAltNamesTests {
    static func storage<Element>(_ list: [Element]) -> UInt? {
        list.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    @Test func aListReadsBackEveryEntryInOrder() {
        let dns = [SubjectAltName(.dns, "a.example.com"), SubjectAltName(.dns, "b.example.com")]
        let mixed = [
            SubjectAltName(.dns, "a.example.com"), SubjectAltName(.ip, "192.0.2.1"), SubjectAltName(.dns, "c"),
        ]
        #expect(Array(SubjectAltNames(dns)) == dns && SubjectAltNames(dns).areAllDNSNames)
        #expect(Array(SubjectAltNames(mixed)) == mixed && !SubjectAltNames(mixed).areAllDNSNames)
        #expect(SubjectAltNames(mixed).dnsNames == ["a.example.com", "c"])
        #expect(SubjectAltNames([]).isEmpty && SubjectAltNames([]).dnsNames.isEmpty)
        #expect(SubjectAltNames(dns) == [SubjectAltName(.dns, "a.example.com"), SubjectAltName(.dns, "b.example.com")])
        #expect(SubjectAltNames(dns) != SubjectAltNames(mixed))
    }

    @Test func anEqualArrayOfDNSNamesIsSharedAndNothingElseIs() {
        let row = ["a.example.com", "www.a.example.com"]
        var names = SubjectAltNames(row.map { SubjectAltName(.dns, String(decoding: Array($0.utf8), as: UTF8.self)) })
        #expect(Self.storage(names.dnsNames) != Self.storage(row))
        let before = names
        let didShare = names.share(row)
        #expect(didShare)
        #expect(Self.storage(names.dnsNames) == Self.storage(row))
        #expect(names == before && names.hashValue == before.hashValue)
        let sharedOther = names.share(["a.example.com"])
        #expect(!sharedOther)
        var mixed = SubjectAltNames([SubjectAltName(.dns, "a.example.com"), SubjectAltName(.email, "x@a.example.com")])
        let shared = mixed.share(["a.example.com", "x@a.example.com"])
        #expect(!shared)
    }
}
