/// An optional `LocalDate` in 4 bytes: its days since 1970 as an `Int32`, `Int32.min` for nil. Every
/// date certaudit makes fits, with room to spare (±5.8 million years): X.509 and CSV dates have
/// four-digit years, and the simulation's horizon is at most a hundred years. One beyond is clamped
/// to the nearest that fits, rather than trapping on a value no input can produce. Millions of
/// findings each hold one (`Finding`), an event its date the same way (`TimelineEvent`), and the
/// simulation each certificate's in-force expiry for the alerts.
public struct PackedLocalDate: Sendable, Hashable {
    private var days: Int32

    public init(_ date: LocalDate?) {
        days = date.map { Self.days(of: $0) } ?? Int32.min
    }

    public var value: LocalDate? {
        get { days == Int32.min ? nil : LocalDate(daysSinceEpoch: Int64(days)) }
        set { days = newValue.map { Self.days(of: $0) } ?? Int32.min }
    }

    /// The date's days, clamped into what an `Int32` holds above the nil marker.
    static func days(of date: LocalDate) -> Int32 {
        Int32(clamping: max(Int64(Int32.min) + 1, date.daysSinceEpoch))
    }
}
