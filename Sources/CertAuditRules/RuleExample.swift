import CertAuditCore

/// One example estate for a rule, with the as-of time it is judged at.
public struct RuleExample: Sendable {
    public let name: String
    public let estate: Estate
    public let settings: AuditSettings

    public init(_ name: String, estate: Estate, settings: AuditSettings = ExampleEstate.settings) {
        self.name = name
        self.estate = estate
        self.settings = settings
    }

    /// An estate of the given certificates (and resources), judged at the examples' as-of time.
    public init(_ name: String, _ certificates: [Certificate], resources: [ResourceRecord] = []) {
        self.init(name, estate: Estate(certificates: certificates, resources: resources))
    }
}
