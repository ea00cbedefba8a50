/// A point in time as whole seconds since 1970-01-01T00:00:00Z.
///
/// Certificates carry second-precision times, and every rule compares seconds, so the pipeline uses
/// this integer value instead of `Date` (a floating-point value) to keep arithmetic exact and outputs
/// byte-identical.
public struct Instant: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public static func + (lhs: Instant, seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: lhs.secondsSinceEpoch + seconds)
    }

    public static func - (lhs: Instant, rhs: Instant) -> Int64 {
        lhs.secondsSinceEpoch - rhs.secondsSinceEpoch
    }

    /// The UTC form, `2026-11-27T23:59:59Z`.
    public var description: String { RunTimeZone.utc.iso8601(self) }

    public static let secondsPerDay: Int64 = 86_400

    /// The UTC calendar date: how the CA/Browser Forum dates an issue (notBefore), with no time-zone
    /// look-up.
    public var utcDate: LocalDate { LocalDate(daysSinceEpoch: floorDiv(secondsSinceEpoch, Instant.secondsPerDay)) }
}
