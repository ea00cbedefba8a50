/// Why a report could not be written.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Hashable {
        /// The templates directory is missing, incomplete or does not parse: bad usage (exit 2).
        case templates
        /// The tool produced something wrong (a report that does not validate) or could not write
        /// it: internal error (exit 3).
        case `internal`
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String {
        switch kind {
        case .templates: "templates: \(message)"
        case .internal: "internal error: \(message)"
        }
    }
}
