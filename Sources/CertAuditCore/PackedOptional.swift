/// An optional `Instant`, `LocalDate` or `SpooledText` in 8 bytes: the optional takes 9, which a
/// struct pads to 16. A million inventory rows each carry a few of them (`CertificateRecord`). `Int64.min` stands for nil: no instant or date a CSV can
/// hold, and none the simulation reaches, is 292 billion years (or 25 quadrillion days) before 1970;
/// no spooled text is that word (`SpooledText`).
struct PackedOptional<Value: Int64Backed>: Sendable, Hashable {
    private static var absent: Int64 { Int64.min }
    private var bits: Int64

    init(_ value: Value?) {
        bits = value?.int64 ?? Self.absent
    }

    var value: Value? {
        get { bits == Self.absent ? nil : Value(int64: bits) }
        set { bits = newValue?.int64 ?? Self.absent }
    }

    /// By value: two words can hold equal values (two spooled copies of one text, `SpooledText`).
    static func == (lhs: PackedOptional, rhs: PackedOptional) -> Bool {
        lhs.bits == rhs.bits || lhs.value == rhs.value
    }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
