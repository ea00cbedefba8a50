import CertAuditCore
import CertAuditRun
import Foundation

/// Shows a run's progress on a terminal: one line per stage, redrawn in place (carriage return and
/// "erase line") at most ten times a second, left on screen with its final count when the next
/// stage starts. Only made when stderr is a terminal: on a pipe or in a log nothing is written.
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let clock = ContinuousClock()
    private var stage: RunStage?
    private var stageStarted: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var latest: StageProgress?

    init() {
        stageStarted = clock.now
        lastDrawn = clock.now
    }

    /// A terminal progress report when stderr is a terminal, and one that ignores everything otherwise.
    static func forStandardError() -> (report: StageProgress.Report, finish: () -> Void) {
        guard isatty(STDERR_FILENO) == 1 else { return (StageProgress.ignore, {}) }
        let progress = TerminalProgress()
        return ({ progress.show($0) }, { progress.finish() })
    }

    func show(_ progress: StageProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now
        if progress.stage != stage {
            if let latest { draw(latest, now: now, ending: true) }
            stage = progress.stage
            stageStarted = now
        } else if progress.done < progress.total, now - lastDrawn < .milliseconds(100) {
            latest = progress
            return
        }
        latest = progress
        draw(progress, now: now, ending: false)
    }

    /// Ends the open line, so the summary starts on a line of its own.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if let latest { draw(latest, now: clock.now, ending: true) }
        latest = nil
        stage = nil
    }

    private func draw(_ progress: StageProgress, now: ContinuousClock.Instant, ending: Bool) {
        lastDrawn = now
        let line = "\r\u{1B}[2K… " + ProgressLine.text(progress, elapsed: now - stageStarted) + (ending ? "\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }
}
