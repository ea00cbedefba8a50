/// The linked, validated model of everything the inputs describe: the value the checks read.
public struct Estate: Sendable {
    /// Accepted certificates, in input order.
    public let certificates: [Certificate]
    /// Accepted resources, in input order.
    public let resources: [ResourceRecord]
    /// Everything kept out, across all inputs.
    public let quarantine: [QuarantineRecord]
    /// Values of kept rows that did not parse, taken as not given (INV-BAD-VALUE), in input order.
    public let badValues: [BadValue]
    /// The accounting of every input file, by name.
    public let inputs: [InputSummary]
    /// Hosting, accounts, prices, contacts, alert policies, operations, holidays.
    public let lifecycle: LifecycleInputs
    /// The inventory, or a plain folder of certificate files (no certificates.csv).
    public let origin: EstateOrigin

    /// The first certificate with each ID (`PositionTable`: the IDs are not copied).
    private let certificatePositions: PositionTable
    /// The resources bound to each certificate, under the first certificate with the ID they name.
    private let boundResources: GroupedPositions

    public init(
        certificates: [Certificate], resources: [ResourceRecord] = [], quarantine: [QuarantineRecord] = [],
        inputs: [InputSummary] = [], lifecycle: LifecycleInputs = LifecycleInputs(), badValues: [BadValue] = [],
        origin: EstateOrigin = .inventory
    ) {
        self.certificates = certificates
        self.origin = origin
        self.lifecycle = lifecycle
        self.resources = resources
        self.quarantine = quarantine.sorted()
        self.badValues = badValues.sorted()
        self.inputs = inputs.sorted()
        let positions = PositionTable(count: certificates.count) { certificates[$0].id }
        certificatePositions = positions
        boundResources = GroupedPositions(groups: certificates.count, memberCount: resources.count) { position in
            resources[position].certificateID.flatMap { id in positions.position(of: id) { certificates[$0].id } }
        }
    }

    public func certificate(id: String) -> Certificate? {
        position(of: id).map { certificates[$0] }
    }

    /// The place in `certificates` of the first certificate with this ID.
    public func position(of id: String) -> Int? {
        certificatePositions.position(of: id) { certificates[$0].id }
    }

    /// Resources serving the certificate now, in input order.
    public func resources(boundTo certificateID: String) -> [ResourceRecord] {
        resourcePositions(boundTo: certificateID).map { resources[$0] }
    }

    /// The places in `resources` of those serving the certificate now, ascending.
    public func resourcePositions(boundTo certificateID: String) -> [Int] {
        // Not `.map(resourcePositions(boundToCertificateAt:))`: a method taken as a value holds a
        // copy of the whole estate (dozens of arrays retained and released at every call).
        guard let position = position(of: certificateID) else { return [] }
        return resourcePositions(boundToCertificateAt: position)
    }

    /// The same, for the certificate at `position` (`position(of:)`'s answer), without a second lookup.
    public func resourcePositions(boundToCertificateAt position: Int) -> [Int] {
        boundResources.members(of: position)
    }

    /// Whether any resource serves the certificate now (without making the list).
    public func hasResources(boundTo certificateID: String) -> Bool {
        position(of: certificateID).map { !boundResources.isEmpty($0) } ?? false
    }
}
