/// One accepted row of `resources.csv`.
public struct ResourceRecord: Sendable, Hashable {
    public var line: Int
    public var id: String
    public var type: ResourceType
    public var region: String?
    public var certificateID: String?
    public var domain: String?

    public init(
        line: Int, id: String, type: ResourceType, region: String? = nil, certificateID: String? = nil,
        domain: String? = nil
    ) {
        self.line = line
        self.id = id
        self.type = type
        self.region = region
        self.certificateID = certificateID
        self.domain = domain
    }
}
