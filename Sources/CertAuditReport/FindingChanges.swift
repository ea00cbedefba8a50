/// What the comparison with the previous run says about each finding, by report position: new or
/// open, and the date it was first seen — four bytes a finding, the dates held once each.
///
/// Why: as two strings a finding (32 bytes) they were 77 MB at a million certificates, made at the
/// comparison (a nightly run's peak) and held while every report was written; a nightly estate's
/// findings share a few hundred dates.
struct FindingChanges: Sendable {
    /// Each date once (`StringTable`: a date reads back byte for byte).
    private var dates = StringTable()
    /// By report position: the date's place in `dates` times two, plus one for an open finding.
    private var entries: [UInt32] = []

    init() {}

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    /// Adds the next finding's: open (in the baseline too) or new, first seen on `firstSeen`.
    mutating func append(open: Bool, firstSeen: String) {
        entries.append(dates.place(of: firstSeen) << 1 | (open ? 1 : 0))
    }

    /// `new` or `open`.
    func change(at position: Int) -> String { entries[position] & 1 == 1 ? "open" : "new" }

    /// The date first seen: carried from the baseline for an open finding, the run's as-of date for a
    /// new one.
    func firstSeen(at position: Int) -> String { dates[entries[position] >> 1] }
}
