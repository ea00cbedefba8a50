/// The stages of a run, in the order they happen, as progress names them.
public enum RunStage: String, Sendable, Hashable, CaseIterable {
    case ingest
    case simulation
    case checks
    case writing
}
