import CertAuditCore
import Testing

/// `PositionTable` answers as a plain dictionary filled first-come would, for keys that repeat, keys
/// that collide in its slots (thousands of keys in a table sized for them), and keys never added.
struct PositionTableTests {
    /// The plain model: each key's first position, found by walking the keys in order.
    static func firstPositions(_ keys: [String]) -> [String: Int] {
        var first: [String: Int] = [:]
        for (position, key) in keys.enumerated() where first[key] == nil { first[key] = position }
        return first
    }

    /// Keys from a fixed linear congruential sequence: many repeat, none depends on the run.
    static func keys(_ count: Int, distinct: Int) -> [String] {
        var state: UInt64 = 12_345
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return "cert-\((state >> 33) % UInt64(distinct))"
        }
    }

    @Test(arguments: [0, 1, 2, 7, 1_000, 5_000])
    func eachKeyFindsItsFirstPosition(count: Int) {
        let keys = Self.keys(count, distinct: max(1, count / 2))
        let table = PositionTable(count: keys.count) { keys[$0] }
        let model = Self.firstPositions(keys)
        #expect(table.distinctCount == model.count)
        for key in Set(keys) {
            #expect(table.position(of: key) { keys[$0] } == model[key])
        }
        for missing in ["", "cert-", "cert-x", "not-a-certificate"] {
            #expect(table.position(of: missing) { keys[$0] } == nil)
        }
    }

    @Test func aRepeatedKeyAnswersWithItsFirstPosition() {
        let keys = ["b", "a", "b", "c", "a", "a"]
        let table = PositionTable(count: keys.count) { keys[$0] }
        #expect(table.position(of: "a") { keys[$0] } == 1)
        #expect(table.position(of: "b") { keys[$0] } == 0)
        #expect(table.position(of: "c") { keys[$0] } == 3)
        #expect(table.position(of: "d") { keys[$0] } == nil)
    }

    /// Elements without a key (a certificate with no bundle has no fingerprint) take no slot and are
    /// never an answer; the keyed ones around them still find their first positions.
    @Test func elementsWithoutAKeyAreLeftOut() {
        let keys: [String?] = [nil, "a", nil, "a", "b", nil]
        let table = PositionTable(count: keys.count) { keys[$0] }
        #expect(table.position(of: "a") { keys[$0] } == 1)
        #expect(table.position(of: "b") { keys[$0] } == 4)
        #expect(table.position(of: "c") { keys[$0] } == nil)
        #expect(table.distinctCount == 2)
    }

    /// Any hashable key, the certificates' fingerprints as held among them.
    @Test func fingerprintsAsHeldAreKeys() {
        let keys = ["aa01", "bb02", "aa01"].map { HexText($0) }
        let table = PositionTable(count: keys.count) { keys[$0] }
        #expect(table.position(of: HexText("aa01")) { keys[$0] } == 0)
        #expect(table.position(of: HexText("bb02")) { keys[$0] } == 1)
    }
}
