import Foundation

/// Counts a stage's finished units from any number of worker threads and reports each new count,
/// one report at a time (under a lock), so the receiver needs no lock of its own.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let stage: RunStage
    private let total: Int
    private let unit: String
    private let report: StageProgress.Report

    /// Reports `0 of total` at once, so the stage shows before its first unit is done.
    public init(_ stage: RunStage, total: Int, unit: String, report: @escaping StageProgress.Report) {
        self.stage = stage
        self.total = total
        self.unit = unit
        self.report = report
        report(StageProgress(stage, done: 0, total: total, unit: unit))
    }

    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += count
        report(StageProgress(stage, done: done, total: total, unit: unit))
    }

    /// Sets the count to `value` when it is higher (a stage that knows where it is, not how much it did).
    public func advance(to value: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard value > done else { return }
        done = value
        report(StageProgress(stage, done: done, total: total, unit: unit))
    }
}
