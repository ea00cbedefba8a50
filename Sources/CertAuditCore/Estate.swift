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
    /// Whether some certificate's ID repeats an earlier one's: when none does, every certificate is
    /// the first with its ID, and its place answers for the ID without a lookup.
    private let idsRepeat: Bool

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
        idsRepeat = positions.distinctCount < certificates.count
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
        // `position(of:)` answers with the first certificate with the ID, where its resources are
        // held: read there directly, not through `firstPlace`'s second lookup.
        guard let position = position(of: certificateID) else { return [] }
        return boundResources.members(of: position)
    }

    /// The place of the first certificate with the ID of the one at `place`: `place` itself unless
    /// an earlier certificate has the same ID, found without a lookup when no ID repeats.
    ///
    /// Why: the simulation and every report row read what is held under a certificate's ID, and at
    /// a million certificates a lookup by ID was a cache miss each (`perf`: the report rows' bound
    /// resources alone 2.8 s of CPU), while the certificate's own place was at hand.
    public func firstPlace(ofCertificateAt place: Int) -> Int {
        guard idsRepeat else { return place }
        return position(of: certificates[place].id) ?? place
    }

    /// The same, for the certificate at `place` (any certificate with the ID), without a lookup by
    /// ID when no ID repeats.
    public func resourcePositions(boundToCertificateAt place: Int) -> [Int] {
        boundResources.members(of: firstPlace(ofCertificateAt: place))
    }

    /// Resources serving the certificate at `place` now, in input order: `resources(boundTo:)` of
    /// its ID.
    public func resources(boundToCertificateAt place: Int) -> [ResourceRecord] {
        resourcePositions(boundToCertificateAt: place).map { resources[$0] }
    }

    /// Whether any resource serves the certificate now (without making the list).
    public func hasResources(boundTo certificateID: String) -> Bool {
        position(of: certificateID).map { !boundResources.isEmpty($0) } ?? false
    }
}
