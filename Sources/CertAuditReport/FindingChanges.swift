/// What the comparison with the previous run says about each finding, by report position: new or
/// open, and the date it was first seen — four bytes a finding, the dates held once each.
///
/// Why: as two strings a finding (32 bytes) they were 77 MB at a million certificates, made at the
/// comparison (a nightly run's peak) and held while every report was written; a nightly estate's
/// findings share a few hundred dates.
struct FindingChanges: Sendable {
    /// Each date once. Only ASCII dates are shared: two ASCII strings are equal only when their bytes
    /// are, where others may be canonically equal and differ (a baseline's dates are ASCII).
    private var dates: [String] = []
    private var places: [String: UInt32] = [:]
    /// By report position: the date's place in `dates` times two, plus one for an open finding.
    private var entries: [UInt32] = []

    init() {}

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    /// Adds the next finding's: open (in the baseline too) or new, first seen on `firstSeen`.
    mutating func append(open: Bool, firstSeen: String) {
        entries.append(place(of: firstSeen) << 1 | (open ? 1 : 0))
    }

    /// `new` or `open`.
    func change(at position: Int) -> String { entries[position] & 1 == 1 ? "open" : "new" }

    /// The date first seen: carried from the baseline for an open finding, the run's as-of date for a
    /// new one.
    func firstSeen(at position: Int) -> String { dates[Int(entries[position] >> 1)] }

    private mutating func place(of date: String) -> UInt32 {
        let isASCII = date.utf8.allSatisfy { $0 < 0x80 }
        if isASCII, let place = places[date] { return place }
        precondition(dates.count < 1 << 31, "more dates than four bytes a finding can name")
        dates.append(date)
        let place = UInt32(dates.count - 1)
        if isASCII { places[date] = place }
        return place
    }
}
