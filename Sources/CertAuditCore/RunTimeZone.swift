import Foundation

/// The run's time zone (default `Asia/Shanghai`): turns instants into the local dates and times the
/// console shows, and local times from the inventory back into instants.
///
/// Offsets come from the system's tz database through Foundation once per conversion; no other
/// Foundation date type crosses the module boundary.
public struct RunTimeZone: Sendable, Hashable {
    public let identifier: String
    private let zone: TimeZone

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    public static let utc = RunTimeZone(identifier: "UTC")!
    public static let shanghai = RunTimeZone(identifier: "Asia/Shanghai")!

    /// Seconds east of UTC at `instant`.
    public func offset(at instant: Instant) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))))
    }

    /// The local calendar date of `instant`.
    public func localDate(of instant: Instant) -> LocalDate {
        let local = instant.secondsSinceEpoch + offset(at: instant)
        return LocalDate(daysSinceEpoch: floorDiv(local, Instant.secondsPerDay))
    }

    /// The instant of a local wall-clock time. In a gap (spring forward) the offset before the gap
    /// is used; in an overlap the earlier instant.
    public func instant(of date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Instant {
        let wall = date.daysSinceEpoch * Instant.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        let first = offset(at: Instant(secondsSinceEpoch: wall))
        let second = offset(at: Instant(secondsSinceEpoch: wall - first))
        return Instant(secondsSinceEpoch: wall - max(first, second))
    }

    /// Natural days from the local date of `start` to the local date of `end` (RULES.md §0): 0 on the
    /// same date, negative when `end` falls on an earlier one.
    public func naturalDays(from start: Instant, to end: Instant) -> Int64 { localDate(of: end) - localDate(of: start) }

    /// The first instant of `date` in this zone.
    public func startOfDay(_ date: LocalDate) -> Instant { instant(of: date) }

    /// `2026-11-28T07:59:59+08:00` (or `Z` for a zero offset in UTC). Written into the string's own
    /// storage after the date, as `LocalDate.description` writes dates: the reports write millions
    /// of instants, and the interpolations cost more than finding the offset.
    public func iso8601(_ instant: Instant) -> String {
        let offset = offset(at: instant)
        let local = instant.secondsSinceEpoch + offset
        let date = LocalDate(daysSinceEpoch: floorDiv(local, Instant.secondsPerDay))
        let secondOfDay = Int(local - date.daysSinceEpoch * Instant.secondsPerDay)
        let zulu = offset == 0 && identifier == "UTC"
        let magnitude = Int(abs(offset))
        let time = String(unsafeUninitializedCapacity: zulu ? 10 : 15) { buffer in
            buffer[0] = UInt8(ascii: "T")
            buffer.writeDigits(of: secondOfDay / 3600, endingAt: 2, width: 2)
            buffer[3] = UInt8(ascii: ":")
            buffer.writeDigits(of: secondOfDay / 60 % 60, endingAt: 5, width: 2)
            buffer[6] = UInt8(ascii: ":")
            buffer.writeDigits(of: secondOfDay % 60, endingAt: 8, width: 2)
            guard !zulu else {
                buffer[9] = UInt8(ascii: "Z")
                return 10
            }
            buffer[9] = offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            buffer.writeDigits(of: magnitude / 3600, endingAt: 11, width: 2)
            buffer[12] = UInt8(ascii: ":")
            buffer.writeDigits(of: magnitude / 60 % 60, endingAt: 14, width: 2)
            return 15
        }
        return date.description + time
    }

    public static func == (lhs: RunTimeZone, rhs: RunTimeZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

/// Floor division (rounds towards negative infinity), for dates before 1970.
@inlinable
public func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
