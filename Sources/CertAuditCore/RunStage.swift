/// The stages of a run, in the order they happen, as progress names them.
public enum RunStage: String, Sendable, Hashable, CaseIterable {
    case ingest
    case simulation
    /// The cost forecast's own two simulations, one per successor-validity policy.
    case forecast
    case checks
    case writing
}
