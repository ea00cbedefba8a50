/// Why a run stopped, and the exit code the nightly job sees (spec/REPORTS.md).
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// Bad usage or an unreadable required input: exit 2.
    case input(String)
    /// A bug or an environment failure, such as a report that does not validate: exit 3.
    case `internal`(String)

    public var exitCode: Int32 {
        switch self {
        case .input: 2
        case .internal: 3
        }
    }

    public var description: String {
        switch self {
        case .input(let message): message
        case .internal(let message): "internal error: \(message)"
        }
    }
}
