import CertAuditCore

/// A report staged by `ReportWriter.begin`, perhaps with the files of the estate alone (inventory.csv,
/// metrics.prom's gauges) already being written:
/// `finish` writes the rest from the model and publishes them all together, `discard` drops them (a
/// run that failed before its model was made).
public struct ReportWriting: Sendable {
    let writer: ReportWriter
    let publication: ReportPublication
    /// inventory.csv and metrics.prom's gauges, when `begin` started them.
    var estateFiles: BackgroundWork<Result<Void, ReportError>>? = nil

    /// Renders the files not written yet (see `ReportWriter.write`), waits for the estate's files if
    /// they are being written, and publishes them all; nothing is published if any of them fails.
    public func finish(
        _ model: ReportModel, runDuration: () -> Duration? = { nil }, wrote: @Sendable (String) -> Void = { _ in }
    ) throws(ReportError) {
        // `renderEach` waits for the estate's files before it returns or throws: nothing is still being
        // written into the staging folder when it is published or removed.
        try publication.publish { () throws(ReportError) in
            try writer.renderEach(
                model, into: publication.staging, estateFiles: estateFiles, runDuration: runDuration,
                wrote: wrote)
        }
    }

    /// Waits for the estate's files if they are being written, then removes the staging folder: the
    /// previous report stays.
    public func discard() {
        _ = estateFiles?.wait()
        publication.discard()
    }
}
