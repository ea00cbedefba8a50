import Foundation

/// The temporary folder a report's files are written into before `ReportPublisher` moves them into
/// place together. Small files are handed over whole; large ones are streamed straight into their
/// file, so no report file is ever held whole in memory.
public struct ReportStaging: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Where a file of the report is staged.
    public func path(of name: String) -> String { directory + "/" + name }

    /// Creates a folder inside the staging folder (`pages`).
    public func makeFolder(_ name: String) throws(ReportError) {
        guard mkdir(path(of: name), 0o755) == 0 || errno == EEXIST else {
            throw ReportError(.internal, "cannot create \(path(of: name)): \(String(cString: strerror(errno)))")
        }
    }

    /// Stages a file whose bytes are already in memory.
    public func write(_ name: String, _ bytes: [UInt8]) throws(ReportError) {
        let output = try BufferedFileOutput(path: path(of: name))
        try output.write(bytes)
        try output.flush()
    }

    /// Adds `bytes` at the end of a staged file.
    public func append(_ name: String, _ bytes: [UInt8]) throws(ReportError) {
        let output = try BufferedFileOutput(path: path(of: name), mirror: nil, appending: true)
        try output.write(bytes)
        try output.flush()
    }

    /// Stages a file written a piece at a time by `body`.
    public func stream(_ name: String, _ body: (BufferedFileOutput) throws(ReportError) -> Void) throws(ReportError) {
        let output = try BufferedFileOutput(path: path(of: name))
        try body(output)
        try output.flush()
    }
}
