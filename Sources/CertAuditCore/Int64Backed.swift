/// A value that is one `Int64` inside, so that an optional of it packs into 8 bytes (`PackedOptional`).
protocol Int64Backed: Sendable, Hashable {
    var int64: Int64 { get }
    init(int64: Int64)
}

extension Instant: Int64Backed {
    var int64: Int64 { secondsSinceEpoch }
    init(int64: Int64) { self.init(secondsSinceEpoch: int64) }
}

extension LocalDate: Int64Backed {
    var int64: Int64 { daysSinceEpoch }
    init(int64: Int64) { self.init(daysSinceEpoch: int64) }
}
