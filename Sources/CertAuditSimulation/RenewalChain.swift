import CertAuditConsole
import CertAuditCore

/// One inventory certificate and the successors the simulation creates for it, generation by
/// generation: what resources can serve, when each expires, and what happened on the way (the
/// causes an outage is explained by). Every event about any generation carries the inventory
/// certificate's ID (RULES.md §0).
struct RenewalChain {
    /// One certificate of the chain: the inventory's (generation 0) or a simulated successor.
    ///
    /// Its dates are held as 32-bit day numbers (as `AlertFiringDays` holds its own): 32 bytes a
    /// generation instead of 56, in the chain itself for the first (`Generations`).
    struct Generation {
        private let expiryDay: Int32
        private let outageDay: Int32
        /// Where its own successor stands.
        var successor: Successor = .none

        /// The local date of its notAfter.
        var expiry: LocalDate { LocalDate(daysSinceEpoch: Int64(expiryDay)) }
        /// The first day a resource serving it is out (RULES.md §0).
        var outage: LocalDate { LocalDate(daysSinceEpoch: Int64(outageDay)) }

        /// Dates from X.509 and the inventory have four-digit years, millions of years inside 32
        /// bits of days; beyond that, clamped (no certificate's date is there).
        init(expiry: LocalDate, outage: LocalDate) {
            expiryDay = Int32(clamping: expiry.daysSinceEpoch)
            outageDay = Int32(clamping: outage.daysSinceEpoch)
        }
    }

    enum Successor: Equatable {
        case none
        /// Created on that date, under review or waiting for its validation record.
        case awaiting(createdOn: LocalDate)
        /// Issued on that date: the next generation.
        case issued(on: LocalDate)
        case failed(on: LocalDate)
        /// A successor the inventory already holds (`renewal_of`), issued on its notBefore's date.
        case inventory(id: String)
    }

    // Stored fields widest first, the small ones last: 64 bytes a chain in the run's table, the
    // first generation among them. The inventory certificate's ID is its row's
    // (`SimulationRun.id(of:)`), not a copy: 16 bytes a chain, a million chains at a million
    // certificates, held while the simulation's output is made.
    /// The inventory certificate's, then each successor's.
    var generations: Generations
    private var planStorage: OutOfLine<HostingRun>?
    /// `index` and `settingsIndex` in 32 bits, like the estate's own positions (`GroupedPositions`).
    private let indexBits: Int32
    private var settingsIndexBits: Int32
    /// The place of its latest note in the run's log (`RenewalChains.note(at:_:)`), -1 for none.
    var latestNote: Int32 = -1
    /// Its state in the inventory.
    let status: CertificateState?
    /// Auto-renewal still charges (it stops for good when a charge fails).
    var autoRenews = false

    /// The inventory certificate's place in `estate.certificates`: the chain points at it rather
    /// than holding a copy (100,000 copies of a certificate's facts weighed 170 MB per simulation).
    var index: Int { Int(indexBits) }
    /// The place in `estate.certificates` of the row later generations take their validation,
    /// product and message settings from: the certificate's own, or an inventory successor's once
    /// that carries the renewal on (`SimulationRun.settings(of:generation:)` reads it).
    var settingsIndex: Int {
        get { Int(settingsIndexBits) }
        set { settingsIndexBits = Int32(newValue) }
    }
    /// The hosting plan in force. Kept out of line: about one certificate in ten is hosted, and held
    /// inline the plan took some 140 of a chain's 200 bytes in every chain.
    var plan: HostingRun? {
        get { planStorage?.value }
        set { planStorage = newValue.map(OutOfLine.init) }
    }
    /// `index` is a place in the estate, whose positions are held in 32 bits (`GroupedPositions`).
    init(index: Int, status: CertificateState?, first: Generation) {
        indexBits = Int32(index)
        settingsIndexBits = indexBits
        self.status = status
        generations = Generations(first)
    }

    var newest: Int { generations.count - 1 }

    /// The inventory certificate, in force at the as-of date: issued (or no state given) and not yet
    /// past its expiry date. Only such certificates renew, are hosted and replaced.
    func isInForce(asOf date: LocalDate) -> Bool {
        Self.isInForce(status: status, expiry: generations[0].expiry, asOf: date)
    }

    /// The same, from the two fields it reads (`RenewalChains` reads them in place).
    static func isInForce(status: CertificateState?, expiry: LocalDate, asOf date: LocalDate) -> Bool {
        (status == nil || status == .issued) && expiry >= date
    }
}
