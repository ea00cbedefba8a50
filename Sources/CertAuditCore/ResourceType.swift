/// A cloud resource type. Known types are matched case-insensitively; an unknown one is kept as given.
public struct ResourceType: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical upper-case name for a known type, the input text otherwise.
    public let name: String
    public let isKnown: Bool

    public static let known: [String] = [
        "CDN", "CLB", "TKE", "LIVE", "WAF", "DDOS", "APIGATEWAY", "TEO", "VOD", "COS", "TSE", "SCDN",
        "DCDN", "ALB", "TCB", "LIGHTHOUSE", "SCF", "MQTT", "TDMQ", "GAAP", "OTHER",
    ]

    public init(_ text: String) {
        let upper = text.uppercased()
        if ResourceType.known.contains(upper) {
            name = upper == "OTHER" ? "other" : upper
            isKnown = true
        } else {
            name = text
            isKnown = false
        }
    }

    public var description: String { name }
    public static func < (lhs: ResourceType, rhs: ResourceType) -> Bool { lhs.name < rhs.name }
}
