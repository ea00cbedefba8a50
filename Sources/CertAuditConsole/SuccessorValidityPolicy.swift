import CertAuditCore

/// How long an auto-renewed successor is valid (AR-SUCCESSOR-VALIDITY): until the old expiry plus
/// one year, as the console guides say, or that capped by the CA/Browser Forum's maximum validity on
/// its issue date (BR-MAX-VALIDITY), as RULES.md says simulations apply it. A later option,
/// `--successor-validity cabf|one-year`, chooses; the raw values are its words.
///
/// Decision: the successor is valid in whole local days, from the start of its issue date through
/// the end of its last day, so its BR validity is `validUntil − issuedOn + 1` days; the cap is the
/// stage's maximum (the MUST), not the one-day-shorter SHOULD, and the stage is the one in force on
/// the local issue date (the simulation has no notBefore instant to take a UTC date from).
public enum SuccessorValidityPolicy: String, Sendable, Hashable, CaseIterable {
    /// The old expiry plus one year, never longer than BR-MAX-VALIDITY allows on the issue date.
    case cabf
    /// The old expiry plus one year, whatever the Baseline Requirements say.
    case oneYear = "one-year"

    /// The last day the successor of a certificate that expires on `oldExpiry` (the local date of
    /// its notAfter) is valid, when it is issued on `issuedOn`. One year later is the same day and
    /// month (29 February → 28 February).
    public func validUntil(oldExpiry: LocalDate, issuedOn: LocalDate) -> LocalDate {
        let oneYearLater = oldExpiry.adding(months: 12)
        guard self == .cabf, let stage = ValidityStage.stage(on: issuedOn) else { return oneYearLater }
        return min(oneYearLater, issuedOn + (stage.maximumDays - 1))
    }
}
