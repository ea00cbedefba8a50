import Foundation

/// Moves a finished report into place atomically.
///
/// The files are written into a temporary folder beside the output folder (same parent, so the
/// renames stay on one file system): `.<name>.tmp-<pid>`. Then the old output is renamed aside to
/// `.<name>.old-<pid>`, the new one renamed in, and the old one removed. A reader sees the old
/// report or the new one, never half of one; if anything fails before the swap, the temporary
/// folder is removed and the previous report is left as it was.
public struct ReportPublisher: Sendable {
    public let outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// `files` maps a file name inside the output folder to its bytes.
    public func publish(_ files: [(name: String, bytes: [UInt8])]) throws(ReportError) {
        try publish { (staging: ReportStaging) throws(ReportError) in
            for file in files { try staging.write(file.name, file.bytes) }
        }
    }

    /// Publishes the files `produce` writes into the staging folder (each streamed or handed over as
    /// soon as it is rendered). If `produce` throws (a report that does not validate), nothing is
    /// published.
    public func publish(_ produce: (ReportStaging) throws(ReportError) -> Void) throws(ReportError) {
        let fileManager = FileManager()
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")

        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: temporary.path) { try fileManager.removeItem(at: temporary) }
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ReportError(.internal, "cannot create \(temporary.path): \(error.localizedDescription)")
        }
        do {
            try produce(ReportStaging(directory: temporary.path))
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw error
        }

        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.removeItem(at: old) }
            guard rename(output.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: temporary)
                throw ReportError(.internal, "cannot move \(output.path) aside: \(reason)")
            }
        }
        guard rename(temporary.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(old.path, output.path) }
            try? fileManager.removeItem(at: temporary)
            throw ReportError(.internal, "cannot move the new report into \(output.path): \(reason)")
        }
        if hadOutput { try? fileManager.removeItem(at: old) }
    }
}
