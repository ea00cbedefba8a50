import CertAuditCore
import Foundation
import Testing

@testable import CertAuditIngest

/// The committed sample estate, loaded as a run loads it: the ingest hands on an estate whose equal
/// repeated values share one storage (EstateInterner), on both paths: inventory and plain folder.
/// (The sample repeats no tag list: EstateInternerTests covers tags.)
struct EstateSharingTests {
    static func load(_ inputs: String) throws -> Estate {
        try EstateLoader.load(
            IngestOptions(
                inputsDirectory: inputs, asOf: SampleEstateIngestTests.asOf, jobs: 2, useSystemTrustStore: false))
    }

    /// Every group of equal values holds one storage; and there is at least one group of two or more.
    static func expectShared<Value: Hashable>(_ values: [Value], _ what: String, storage: (Value) -> UInt?) {
        let groups = Dictionary(grouping: values, by: { $0 })
        #expect(groups.values.contains { $0.count > 1 }, "no repeated \(what) in the sample")
        for (value, copies) in groups {
            #expect(
                Set(copies.map(storage)).count == 1,
                "\(what) \(value) is stored \(Set(copies.map(storage)).count) times")
        }
    }

    @Test func theSampleEstateSharesRepeatedValues() throws {
        let estate = try Self.load(SampleEstateIngestTests.inputs)
        let bundles = estate.certificates.compactMap(\.bundle)
        Self.expectShared(bundles.map(\.others).filter { !$0.isEmpty }, "others array") {
            EstateInternerTests.storage($0)
        }
        let issuers = bundles.map(\.leaf.issuer).filter { $0.utf8.count > String.inlineUTF8Capacity }
        Self.expectShared(issuers, "issuer") { EstateInternerTests.storage($0) }
        let usages = bundles.compactMap(\.leaf.keyUsage).filter { !$0.isEmpty }
        Self.expectShared(usages, "key usage list") { EstateInternerTests.storage($0) }
    }

    /// A resource whose long domain is its certificate's claimed domain holds that same string.
    @Test func theSampleEstatesResourcesShareTheirCertificatesDomains() throws {
        let estate = try Self.load(SampleEstateIngestTests.inputs)
        let pairs = estate.resources.compactMap { resource -> (String, String)? in
            guard let domain = resource.domain, domain.utf8.count > String.inlineUTF8Capacity,
                let claimed = resource.certificateID.flatMap(estate.certificate(id:))?.record.claimedDomain,
                claimed == domain
            else { return nil }
            return (domain, claimed)
        }
        #expect(!pairs.isEmpty, "no resource in the sample serves its certificate's long domain")
        for (domain, claimed) in pairs {
            #expect(EstateInternerTests.storage(domain) == EstateInternerTests.storage(claimed), "\(domain)")
        }
    }

    @Test func aPlainFolderSharesRepeatedValues() throws {
        let estate = try Self.load(SampleEstateIngestTests.inputs + "/bundles")
        let bundles = estate.certificates.compactMap(\.bundle)
        let issuers = bundles.map(\.leaf.issuer).filter { $0.utf8.count > String.inlineUTF8Capacity }
        Self.expectShared(issuers, "issuer") { EstateInternerTests.storage($0) }
    }
}
