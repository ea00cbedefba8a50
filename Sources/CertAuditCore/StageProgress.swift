/// How far a stage has got: `done` of `total` units (rows, certificates, days, files).
///
/// This is all a stage says about its progress; how (and whether) it is shown is the executable's
/// business, so no stage knows about terminals.
public struct StageProgress: Sendable, Hashable {
    public var stage: RunStage
    public var done: Int
    public var total: Int
    /// What is counted, plural: `rows`, `certificates`, `days`, `files`.
    public var unit: String

    public init(_ stage: RunStage, done: Int, total: Int, unit: String) {
        self.stage = stage
        self.done = done
        self.total = total
        self.unit = unit
    }

    /// The receiver of a run's progress; stages may call it from worker threads, never at once (a
    /// `ProgressCounter` serialises its calls).
    public typealias Report = @Sendable (StageProgress) -> Void

    /// Progress that goes nowhere: the default, for tests and library callers.
    public static let ignore: Report = { _ in }
}
