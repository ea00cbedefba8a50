/// A small deterministic source of numbers for the tests that compare a fast ordering with
/// `sorted()` on generated events: the same seed, the same events, on every machine.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    }

    /// A number from 0 up to, not including, `bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
