/// Which end of a review's typical range (REV-DURATION) the checks and the simulation assume: a run
/// setting (`--review`). The durations themselves are the console's knowledge (CertAuditConsole).
public enum ReviewEstimate: String, Sendable, Hashable, CaseIterable {
    /// The upper bound: DV 1, OV 5, EV 7 working days (the default: RULES.md says "worst case").
    case worst
    /// The lower bound: DV 1, OV 3, EV 5 working days.
    case typical
}
