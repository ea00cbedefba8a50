/// One accepted row of `hosting.csv`: a certificate hosted for automatic replacement.
public struct HostingRecord: Sendable, Hashable {
    public enum Association: Sendable, Hashable {
        /// The auto-renewed successor is detected automatically.
        case automatic
        /// The user designated this certificate.
        case designated(String)
    }

    public enum ValidationMethod: String, Sendable, Hashable, CaseIterable {
        case dns, file
    }

    public var line: Int
    /// The input the plan comes from: `hosting.csv`, or `operations.csv` for a requested `host`.
    public var origin = "hosting.csv"
    public var certificateID: String
    public var resourceTypes: [ResourceType]
    public var replaceLead: ReplaceLead?
    public var configuredOn: Instant?
    public var association: Association
    public var messages: Bool?
    public var status: HostingState?
    public var successorProduct: Product?
    public var validationMethod: ValidationMethod?
    public var validationReady: Bool?

    public init(
        line: Int, certificateID: String, resourceTypes: [ResourceType] = [], association: Association = .automatic
    ) {
        self.line = line
        self.certificateID = certificateID
        self.resourceTypes = resourceTypes
        self.association = association
    }

    /// Where the plan comes from, for messages: `hosting.csv line 7`.
    public var reference: String { "\(origin) line \(line)" }
}
