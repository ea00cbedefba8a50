import CertAuditCSV
import CertAuditCore
import CertAuditRules

/// The checks every run setting passes, whether it comes from the command line or from
/// `certaudit.toml`: one place, so both sources accept the same values and explain a refusal in the
/// same words. Each check returns the value to use or the reason it was refused; the caller adds
/// where the value came from (an option or a key of a file).
public enum SettingValues {
    /// The longest horizon and the widest expiry threshold, in days (100 years): anything larger is
    /// a typo, and the report's outage calendar grows with the horizon.
    public static let maximumDays = 36_500

    /// The most expiry thresholds one run takes: a handful is normal, hundreds is a mistake.
    public static let maximumThresholds = 16

    public static func timeZone(_ text: String) -> Result<RunTimeZone, FieldError> {
        guard let zone = RunTimeZone(identifier: text) else {
            return .failure(FieldError("unknown time zone '\(text)' (an IANA name such as Asia/Shanghai or UTC)"))
        }
        return .success(zone)
    }

    /// Checks the form of an as-of time and returns the text unchanged: a local time means the
    /// effective time zone's, which is known only once the command line and the file are combined.
    public static func asOf(_ text: String) -> Result<String, FieldError> {
        switch TimeField.parse(text, timeZone: .utc) {
        case .success: .success(text)
        case .failure(let error): .failure(error)
        }
    }

    public static func horizonDays(_ days: Int) -> Result<Int, FieldError> {
        guard (0...maximumDays).contains(days) else {
            return .failure(FieldError("must be between 0 and \(maximumDays) days, not \(days)"))
        }
        return .success(days)
    }

    /// CERT-EXPIRING thresholds: 1 to 16 distinct whole days, each from 0 (the expiry day) to 36,500.
    /// Returned largest first, as `AuditSettings` keeps them.
    public static func expiryThresholds(_ days: [Int]) -> Result<[Int], FieldError> {
        guard !days.isEmpty else { return .failure(FieldError("must list at least one number of days")) }
        guard days.count <= maximumThresholds else {
            return .failure(FieldError("must list at most \(maximumThresholds) numbers of days, not \(days.count)"))
        }
        var seen = Set<Int>()
        for day in days {
            guard (0...maximumDays).contains(day) else {
                return .failure(FieldError("each threshold must be between 0 and \(maximumDays) days, not \(day)"))
            }
            guard seen.insert(day).inserted else { return .failure(FieldError("lists \(day) days twice")) }
        }
        return .success(days.sorted(by: >))
    }

    /// The command line's form of the thresholds: `30,14,7`.
    public static func expiryThresholds(list text: String) -> Result<[Int], FieldError> {
        var days: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let day = Int(String(part.filter { $0 != " " })) else {
                return .failure(FieldError("'\(text)' is not a comma-separated list of whole days, such as 30,14,7"))
            }
            days.append(day)
        }
        return expiryThresholds(days)
    }

    public static func review(_ text: String) -> Result<ReviewEstimate, FieldError> {
        guard let estimate = ReviewEstimate(rawValue: text) else {
            return .failure(FieldError("must be worst or typical, not '\(text)'"))
        }
        return .success(estimate)
    }

    public static func successorValidity(_ text: String) -> Result<SuccessorValidityPolicy, FieldError> {
        guard let policy = SuccessorValidityPolicy(rawValue: text) else {
            return .failure(FieldError("must be cabf or one-year, not '\(text)'"))
        }
        return .success(policy)
    }

    /// `none` gives nil: the run never exits 1 for its findings.
    public static func failOn(_ text: String) -> Result<Severity?, FieldError> {
        if text == "none" { return .success(nil) }
        guard let severity = Severity(rawValue: text) else {
            return .failure(FieldError("must be none, info, low, medium, high or critical, not '\(text)'"))
        }
        return .success(severity)
    }

    public static func severity(_ text: String) -> Result<Severity, FieldError> {
        guard let severity = Severity(rawValue: text) else {
            return .failure(FieldError("must be info, low, medium, high or critical, not '\(text)'"))
        }
        return .success(severity)
    }

    /// A rule ID of the catalogue (implemented or not): an override of a misspelt ID would
    /// silently change nothing.
    public static func ruleID(_ text: String) -> Result<RuleID, FieldError> {
        guard let descriptor = RuleCatalogue.descriptor(named: text) else {
            return .failure(FieldError("'\(text)' is not a rule ID (`certaudit rules` lists them)"))
        }
        return .success(descriptor.id)
    }

    public static func encoding(_ text: String) -> Result<TextEncodingChoice, FieldError> {
        guard let encoding = TextEncodingChoice(rawValue: text) else {
            return .failure(FieldError("must be auto, utf-8 or gb18030, not '\(text)'"))
        }
        return .success(encoding)
    }

    public static func jobs(_ count: Int) -> Result<Int, FieldError> {
        guard count >= 1 else { return .failure(FieldError("must be at least 1, not \(count)")) }
        return .success(count)
    }
}
