/// A problem with an input file as a whole (it cannot be read, has no header, lacks a required
/// column): the run cannot go on and exits 2. The message always names the file.
public struct InputFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
