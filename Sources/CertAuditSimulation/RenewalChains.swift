import CertAuditCore

/// The renewal chains of one simulation, by inventory certificate ID: at most one per ID, held at
/// the estate's place of that ID (its first certificate), so the estate's own index finds it. A
/// dictionary of the chains themselves (about 200 bytes each) kept a third of its buckets empty and
/// doubled as it grew (over 400 MB per simulation at a million certificates); an index of its own,
/// from ID to place, was 6 MB at 100,000.
///
/// Read and changed in place, by place (`chains[at: place]?.plan = …`: what the simulation's agenda
/// and resources hold) or like a dictionary by ID; a chain is never removed.
struct RenewalChains {
    private let estate: Estate
    private var chains: [RenewalChain?]
    /// Every chain's history in one log, each chain's notes linked from its latest back: the dated
    /// lines an outage is explained by. An array of notes in each chain was a small heap block per
    /// chain, made during the run among the blocks it keeps (the timeline's, the findings') and
    /// freed at its end: pages the allocator could not give back. The texts are in the spool: as
    /// strings they were some 100 MB at a million certificates.
    private var notes: [ChainNote] = []

    init(_ estate: Estate) {
        self.estate = estate
        chains = Array(repeating: nil, count: estate.certificates.count)
    }

    /// The expiry date of each certificate's chain (its ID's, by the estate's index) when that chain
    /// is in force on `date`, else nil, in the estate's order: what the alert policies watch. Looked
    /// up once per certificate, in order, and read in place: the alert pass looked each chain up
    /// (a cold probe of the estate, then a copy of the chain) once per policy watching it, twice.
    /// Four bytes a certificate (`PackedLocalDate`): made at the run's end, beside everything the
    /// run holds, the run's height.
    func inForceExpiries(asOf date: LocalDate) -> [PackedLocalDate] {
        estate.certificates.indices.map { index in
            let position = position(ofCertificateAt: index)
            return PackedLocalDate(isInForce(at: position, asOf: date) ? chains[position]?.generations[0].expiry : nil)
        }
    }

    /// Where the chain of `id` is held (the estate's place of the ID), for reading it more than once
    /// with one lookup (`subscript(at:)`).
    func position(of id: String) -> Int? { estate.position(of: id) }

    /// Where the chain of the certificate at `index` in the estate is held: `position(of:)` of its
    /// ID, without a lookup when no ID repeats (`Estate.firstPlace(ofCertificateAt:)`).
    func position(ofCertificateAt index: Int) -> Int { estate.firstPlace(ofCertificateAt: index) }

    /// Whether the chain held at `position` is in force on `date`, from its fields read in place: a
    /// method called on the array's element (`chains[position]?.isInForce`) copied the chain.
    func isInForce(at position: Int, asOf date: LocalDate) -> Bool {
        guard let expiry = chains[position]?.generations[0].expiry else { return false }
        return RenewalChain.isInForce(status: chains[position]?.status, expiry: expiry, asOf: date)
    }

    /// The chain held at `position` (`position(of:)`), read and changed in place: a caller that
    /// already has the place does not look the ID up again. Reading its stored fields
    /// (`chains[at: p]?.status`) copies nothing; binding it to a name or calling a method through
    /// it copies the chain.
    subscript(at position: Int) -> RenewalChain? {
        _read { yield chains[position] }
        _modify {
            let existed = chains[position] != nil
            yield &chains[position]
            precondition(!existed || chains[position] != nil, "a renewal chain is never removed")
        }
    }

    /// Adds a dated line to the history of the chain held at `position`; none is held there, nothing
    /// (and `text` is not made).
    mutating func note(at position: Int, _ text: @autoclosure () -> String) {
        guard let latest = chains[position]?.latestNote else { return }
        notes.append(ChainNote(text: SpooledText(text()), previous: latest))
        chains[position]?.latestNote = Int32(notes.count - 1)
    }

    /// What happened to the chain held at `position`, oldest first: the chain of causes of an outage.
    func history(at position: Int) -> [String] {
        var texts: [String] = []
        var next = chains[position]?.latestNote ?? -1
        while next >= 0 {
            texts.append(notes[Int(next)].text.text)
            next = notes[Int(next)].previous
        }
        return texts.reversed()
    }

    /// The chain of `id`: `subscript(at:)` at the ID's place.
    subscript(id: String) -> RenewalChain? {
        get { position(of: id).flatMap { chains[$0] } }
        _modify {
            if let position = position(of: id) {
                yield &self[at: position]
            } else {
                // An ID the estate does not hold has no place: nothing set for it is kept.
                var added: RenewalChain?
                yield &added
                precondition(added == nil, "a renewal chain is for a certificate of the estate")
            }
        }
    }
}
