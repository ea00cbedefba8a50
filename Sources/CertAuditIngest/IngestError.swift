/// A run-level input problem: the run cannot go on (exit 2). The message names the file.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
