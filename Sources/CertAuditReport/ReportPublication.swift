import Foundation

/// A report being staged by `ReportPublisher.stage()`: its files are written into `staging`, then
/// `publish` moves them into place together with their `SHA256SUMS`, or `discard` removes them.
public struct ReportPublication: Sendable {
    let publisher: ReportPublisher
    /// Where the files are written: the temporary folder beside the output folder.
    public let staging: ReportStaging
    let output: URL
    let temporary: URL
    /// Where the previous report is moved aside while the new one is renamed in.
    let old: URL

    /// Runs `produce`, which writes the files into `staging`, then publishes them; if `produce`
    /// throws, the staging folder is removed and nothing is published.
    public func publish(after produce: () throws(ReportError) -> Void) throws(ReportError) {
        do {
            try produce()
        } catch {
            discard()
            throw error
        }
        try publish()
    }

    /// Writes `SHA256SUMS` and swaps the staged report in for the previous one (see
    /// `ReportPublisher`). If anything fails before the swap, the staging folder is removed and the
    /// previous report is left as it was.
    public func publish() throws(ReportError) {
        let fileManager = FileManager()
        do {
            try publisher.writeChecksums(into: staging)
        } catch {
            discard()
            throw error
        }
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.removeItem(at: old) }
            guard rename(output.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw ReportError(.internal, "cannot move \(output.path) aside: \(reason)")
            }
        }
        guard rename(temporary.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(old.path, output.path) }
            discard()
            throw ReportError(.internal, "cannot move the new report into \(output.path): \(reason)")
        }
        if hadOutput { try? fileManager.removeItem(at: old) }
    }

    /// Removes the staging folder and all that was written into it; the previous report stays.
    public func discard() {
        try? FileManager().removeItem(at: temporary)
    }
}
