/// An `Instant?` in 8 bytes: `Instant?` takes 9, which a struct pads to 16. A million inventory rows
/// each carry a few of them (`CertificateRecord`). `Int64.min` stands for nil: no date a CSV can hold
/// is 292 billion years before 1970.
struct PackedInstant: Sendable, Hashable {
    private static let absent = Int64.min
    private var seconds: Int64

    init(_ instant: Instant?) {
        seconds = instant?.secondsSinceEpoch ?? Self.absent
    }

    var value: Instant? {
        get { seconds == Self.absent ? nil : Instant(secondsSinceEpoch: seconds) }
        set { seconds = newValue?.secondsSinceEpoch ?? Self.absent }
    }
}
