/// What the run found where the previous report should be. Only `.usable` is compared with; the
/// others become a note in the report, never a failure (a first run has no baseline, and a broken
/// one must not make a nightly job fail or compare wrongly).
public enum BaselineStatus: Sendable, Hashable {
    /// No previous report: the first run in this output folder.
    case absent(note: String)
    /// A file is there but cannot be compared with: it does not read, does not validate, or comes
    /// from another schema version or time zone, or a later as-of time.
    case unusable(note: String)
    case usable(Baseline)
}
