/// The stages of a run, in the order they happen, as progress names them.
public enum RunStage: String, Sendable, Hashable, CaseIterable {
    case ingest
    /// The cost forecast's own two simulations, one per successor-validity policy: before the run's
    /// own, so that their working state is never held on top of its output.
    case forecast
    case simulation
    case checks
    case writing
}
