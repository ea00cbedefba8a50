import CertAuditCore
import Testing

@testable import CertAuditSimulation

/// The chain store reads and changes like a dictionary by certificate ID.
struct RenewalChainsTests {
    /// A chain of the estate's row at `index` (whose ID it goes by).
    static func chain(index: Int) -> RenewalChain {
        let day = LocalDate(year: 2027, month: 1, day: 1)!
        return RenewalChain(
            index: index, status: nil,
            first: RenewalChain.Generation(expiry: day, outage: day + 1))
    }

    /// An estate holding certificates "a", "b" and "a" again (a second row with one ID).
    static let estate = Estate(
        certificates: ["a", "b", "a"].enumerated().map { Certificate(record: CertificateRecord(line: $0 + 2, id: $1)) })

    @Test func addsReadsAndChangesChainsInPlaceByID() {
        var chains = RenewalChains(Self.estate)
        #expect(chains["a"] == nil)
        chains["a"] = Self.chain(index: 0)
        chains["b"] = Self.chain(index: 1)
        chains["b"]?.autoRenews = true
        chains.note(at: 0, "charged")
        chains["a"]?.generations[0].successor = .failed(on: LocalDate(year: 2026, month: 12, day: 1)!)
        chains["missing"]?.autoRenews = true
        #expect(chains["a"]?.index == 0 && chains["a"]?.autoRenews == false)
        #expect(chains.history(at: 0) == ["charged"])
        #expect(chains["a"]?.generations[0].successor == .failed(on: LocalDate(year: 2026, month: 12, day: 1)!))
        #expect(chains["b"]?.index == 1 && chains["b"]?.autoRenews == true)
        #expect(chains["missing"] == nil)
    }

    /// A generation holds its dates as 32-bit day numbers: every date of a four-digit year reads
    /// back as it was given, and a generation is 32 bytes.
    @Test(arguments: [
        LocalDate(year: 1, month: 1, day: 1)!, LocalDate(year: 1969, month: 12, day: 31)!,
        LocalDate(year: 2027, month: 1, day: 10)!, LocalDate(year: 9999, month: 12, day: 31)!,
    ])
    func aGenerationKeepsItsDates(expiry: LocalDate) {
        let generation = RenewalChain.Generation(expiry: expiry, outage: expiry + 1)
        #expect(generation.expiry == expiry && generation.outage == expiry + 1)
        #expect(MemoryLayout<RenewalChain.Generation>.stride <= 32)
    }

    /// The first generation is held in the chain, the successors after it: each reads and changes
    /// at its own place, in the order they came.
    @Test func aChainsGenerationsReadAndChangeInOrder() {
        var chain = Self.chain(index: 0)
        let first = chain.generations[0].expiry
        chain.generations.append(RenewalChain.Generation(expiry: first + 200, outage: first + 201))
        chain.generations.append(RenewalChain.Generation(expiry: first + 300, outage: first + 301))
        chain.generations[0].successor = .issued(on: first - 30)
        chain.generations[2].successor = .failed(on: first + 270)
        #expect(chain.generations.map(\.expiry) == [first, first + 200, first + 300])
        #expect(chain.generations.map(\.successor) == [.issued(on: first - 30), .none, .failed(on: first + 270)])
        #expect(chain.newest == 2)
    }

    /// The chains' notes are one log: each chain's history is its own notes, oldest first, however
    /// they interleave; a place without a chain keeps none.
    @Test func eachChainsHistoryIsItsOwnNotesInOrder() {
        var chains = RenewalChains(Self.estate)
        chains["a"] = Self.chain(index: 0)
        chains["b"] = Self.chain(index: 1)
        chains.note(at: 0, "a charged")
        chains.note(at: 1, "b charged")
        chains.note(at: 2, "nobody's")
        chains.note(at: 0, "a issued")
        chains.note(at: 0, "a replaced")
        #expect(chains.history(at: 0) == ["a charged", "a issued", "a replaced"])
        #expect(chains.history(at: 1) == ["b charged"])
        #expect(chains.history(at: 2).isEmpty)
    }

    /// The chain of an ID's second row (its first has no expiry) is the ID's chain: one per ID.
    @Test func anIDsChainMayStartAtALaterRow() {
        var chains = RenewalChains(Self.estate)
        chains["a"] = Self.chain(index: 2)
        #expect(chains["a"]?.index == 2 && chains["b"] == nil)
    }

    @Test func replacingAChainKeepsItsPlace() {
        var chains = RenewalChains(Self.estate)
        chains["a"] = Self.chain(index: 0)
        var changed = chains["a"]!
        changed.settingsIndex = 7
        chains["a"] = changed
        #expect(chains["a"]?.settingsIndex == 7)
    }

    /// The hosting plan, held by one chain in ten, is kept out of line: a chain without one stays
    /// small, and a plan changed through the store (`chains[id]?.plan?.ended = true`) changes that
    /// chain's plan only.
    @Test func aChainKeepsItsHostingPlanOutOfLine() {
        #expect(MemoryLayout<RenewalChain?>.stride <= 64)
        #expect(MemoryLayout<SimulationRun.Serving?>.stride <= 16)
        var chains = RenewalChains(Self.estate)
        chains["a"] = Self.chain(index: 0)
        let record = HostingRecord(line: 2, certificateID: "a", resourceTypes: [ResourceType("CDN")])
        chains["a"]?.plan = HostingRun(record: record, scheme: .platform)
        let before = chains["a"]!
        chains["a"]?.plan?.ended = true
        chains["a"]?.plan?.hostedGeneration = 1
        #expect(before.plan?.ended == false && before.plan?.hostedGeneration == 0)
        #expect(chains["a"]?.plan?.ended == true && chains["a"]?.plan?.hostedGeneration == 1)
        #expect(chains["a"]?.plan?.record == record)
        chains["a"]?.plan = nil
        #expect(chains["a"]?.plan == nil)
    }

    /// What the alert policies watch: each row's chain's expiry when the chain is in force, by the
    /// row's ID (a second row with an ID reads the ID's chain); nil for a row without a chain, and
    /// for a chain not in force (revoked, or expired before the date).
    @Test func readsEachRowsInForceExpiryByItsID() {
        let estate = Estate(
            certificates: ["a", "b", "a", "c", "d"].enumerated().map {
                Certificate(record: CertificateRecord(line: $0 + 2, id: $1))
            })
        var chains = RenewalChains(estate)
        let asOf = LocalDate(year: 2026, month: 11, day: 28)!
        chains["a"] = Self.chain(index: 0)
        chains["c"] = RenewalChain(
            index: 3, status: .revoked, first: Self.chain(index: 3).generations[0])
        let expired = asOf - 1
        chains["d"] = RenewalChain(
            index: 4, status: .issued,
            first: RenewalChain.Generation(expiry: expired, outage: expired + 1))
        let expiry = Self.chain(index: 0).generations[0].expiry
        #expect(chains.inForceExpiries(asOf: asOf).map(\.value) == [expiry, nil, expiry, nil, nil])
        #expect(chains.inForceExpiries(asOf: asOf - 1).map(\.value) == [expiry, nil, expiry, nil, expired])
        // Read by place, each as the chain itself answers; a place without a chain is not in force.
        for date in [asOf - 1, asOf, expiry, expiry + 1] {
            for id in ["a", "b", "c", "d"] {
                let place = chains.position(of: id)!
                #expect(chains.isInForce(at: place, asOf: date) == (chains[id]?.isInForce(asOf: date) ?? false))
                #expect(chains[at: place]?.index == chains[id]?.index)
            }
        }
        #expect(chains.position(of: "missing") == nil)
        // Set by place, read by ID: one store.
        let place = chains.position(of: "b")!
        chains[at: place] = Self.chain(index: 1)
        chains[at: place]?.autoRenews = true
        #expect(chains["b"]?.index == 1 && chains["b"]?.autoRenews == true)
    }

    /// What a resource serves, held in 32-bit numbers, reads back what was set.
    @Test func aResourcesServingReadsBackItsNumbers() {
        var serving = SimulationRun.Serving(chain: 999_999, generation: 3)
        #expect(serving.chain == 999_999 && serving.generation == 3 && serving.version == 0 && !serving.isOut)
        serving.version += 1
        serving.generation += 1
        serving.chain = 5
        serving.isOut = true
        #expect(serving.chain == 5 && serving.generation == 4 && serving.version == 1 && serving.isOut)
    }
}
