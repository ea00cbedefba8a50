import CertAuditConsole
import CertAuditCore

/// A hosting plan in force, as the simulation carries it over generations (docs/simulation.md).
struct HostingRun: Sendable, Hashable {
    let record: HostingRecord
    let scheme: HostingScheme
    /// The resource types it replaces on: those it names that its scheme covers (HOST-RESOURCE-TYPES).
    let types: Set<String>
    /// The generation it hosts now.
    var hostedGeneration = 0
    /// A designated (or inventory) successor replaced once: the plan is done.
    var ended = false

    init(record: HostingRecord, scheme: HostingScheme) {
        self.record = record
        self.scheme = scheme
        types = Set(record.resourceTypes.map { $0.name.uppercased() }).intersection(scheme.resourceTypes)
    }

    /// A lead not given replaces as soon as the successor is there, like `immediate`.
    var lead: ReplaceLead { record.replaceLead ?? .immediately }

    func replaces(_ type: ResourceType) -> Bool { types.contains(type.name.uppercased()) }
}
