import CertAuditCore
import Testing

/// The estate's resources bound to each certificate (`GroupedPositions` under it) answer as a plain
/// dictionary of the resources naming each ID would: IDs that repeat among the certificates, resources
/// naming no certificate or one the estate does not hold, certificates with none.
struct BoundResourcesTests {
    /// The plain model: for each certificate ID, the positions of the resources naming it, in order.
    static func boundPositions(_ resources: [ResourceRecord]) -> [String: [Int]] {
        var bound: [String: [Int]] = [:]
        for (position, resource) in resources.enumerated() {
            if let id = resource.certificateID { bound[id, default: []].append(position) }
        }
        return bound
    }

    @Test(arguments: [0, 1, 3, 200, 3_000])
    func eachCertificateFindsTheResourcesNamingIt(count: Int) {
        var numbers = SeededNumbers(seed: UInt64(count))
        // IDs repeat (a certificate ID the ingest kept twice) and some resources name an ID no
        // certificate has, or none.
        let certificates = (0..<count).map { CertificateRecord(line: $0 + 2, id: "c\(numbers.next(max(1, count)))") }
        let resources = (0..<(count * 2)).map { position in
            let named = numbers.next(10)
            return ResourceRecord(
                line: position + 2, id: "r\(position)", type: ResourceType("clb"),
                certificateID: named == 0 ? nil : named == 1 ? "missing-\(position)" : "c\(numbers.next(max(1, count)))"
            )
        }
        let estate = Estate(certificates: certificates.map { Certificate(record: $0) }, resources: resources)
        let model = Self.boundPositions(resources)
        for id in Set(certificates.map(\.id)) {
            #expect(estate.resourcePositions(boundTo: id) == model[id] ?? [])
            #expect(estate.position(of: id).map(estate.resourcePositions(boundToCertificateAt:)) == model[id] ?? [])
            #expect(estate.resources(boundTo: id).map(\.id) == (model[id] ?? []).map { resources[$0].id })
            #expect(estate.hasResources(boundTo: id) == (model[id] != nil))
        }
        // By place, for every certificate (the later ones with a repeated ID too): as by its ID.
        for place in certificates.indices {
            let id = certificates[place].id
            #expect(estate.firstPlace(ofCertificateAt: place) == estate.position(of: id))
            #expect(estate.resourcePositions(boundToCertificateAt: place) == model[id] ?? [])
            #expect(
                estate.resources(boundToCertificateAt: place).map(\.id) == (model[id] ?? []).map { resources[$0].id })
        }
        for id in ["missing-1", "", "c-"] {
            #expect(estate.resourcePositions(boundTo: id).isEmpty)
            #expect(!estate.hasResources(boundTo: id))
        }
    }

    /// Where no ID repeats, each certificate is the first with its ID; IDs Swift calls equal
    /// (canonically equivalent spellings) repeat, as a lookup by ID finds them.
    @Test func eachCertificateIsTheFirstWithItsIDUnlessOneBeforeItHasAnEqualOne() {
        let unique = ["a", "b", "c"].map { Certificate(record: CertificateRecord(line: 2, id: $0)) }
        let resources = [
            ResourceRecord(line: 2, id: "r1", type: ResourceType("clb"), certificateID: "c"),
            ResourceRecord(line: 3, id: "r2", type: ResourceType("cdn"), certificateID: "caf\u{E9}"),
        ]
        let plain = Estate(certificates: unique, resources: resources)
        #expect(unique.indices.map(plain.firstPlace(ofCertificateAt:)) == [0, 1, 2])
        #expect(plain.resources(boundToCertificateAt: 2).map(\.id) == ["r1"])
        #expect(plain.resources(boundToCertificateAt: 0).isEmpty)
        let spelled = ["caf\u{E9}", "b", "cafe\u{301}"].map { Certificate(record: CertificateRecord(line: 2, id: $0)) }
        let equivalent = Estate(certificates: spelled, resources: resources)
        #expect(spelled.indices.map(equivalent.firstPlace(ofCertificateAt:)) == [0, 1, 0])
        #expect(equivalent.resources(boundToCertificateAt: 2).map(\.id) == ["r2"])
    }

    @Test func groupsHoldTheirMembersAscending() {
        let groupOf: [Int?] = [2, nil, 0, 2, 2, 0, nil]
        let grouped = GroupedPositions(groups: 4, memberCount: groupOf.count) { groupOf[$0] }
        #expect(grouped.members(of: 0) == [2, 5])
        #expect(grouped.members(of: 1).isEmpty)
        #expect(grouped.members(of: 2) == [0, 3, 4])
        #expect(grouped.members(of: 3).isEmpty)
        #expect(grouped.isEmpty(1) && grouped.isEmpty(3) && !grouped.isEmpty(0) && !grouped.isEmpty(2))
    }
}
