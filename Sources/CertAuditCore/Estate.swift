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
    private let resourcesByCertificate: [String: [Int]]

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
        certificatePositions = PositionTable(count: certificates.count) { certificates[$0].id }
        var bound: [String: [Int]] = [:]
        for (position, resource) in resources.enumerated() {
            if let id = resource.certificateID { bound[id, default: []].append(position) }
        }
        resourcesByCertificate = bound
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

    /// The places in `resources` of those serving the certificate now, ascending: the estate's own
    /// list, so a copy of it costs nothing until it is changed.
    public func resourcePositions(boundTo certificateID: String) -> [Int] {
        resourcesByCertificate[certificateID] ?? []
    }
}
