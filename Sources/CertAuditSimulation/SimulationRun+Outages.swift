import CertAuditConsole
import CertAuditCore

/// RES-EXPIRED-BINDING: every resource serves its certificate until a replacement moves it, and is
/// out from the first day after what it serves expires (RULES.md §0); nobody acts afterwards.
extension SimulationRun {
    /// What every resource serves at the as-of date: an outage under way is reported with its first
    /// day (before the as-of date); a revoked certificate is out now.
    mutating func bindResources() {
        // The chain each resource serves, from the estate's resources by certificate: walking those
        // lists looks no ID up (each lookup a cold probe of the estate's index at a million).
        var chainOf = [Int32](repeating: -1, count: estate.resources.count)
        for place in estate.certificates.indices where chains[at: place] != nil {
            for index in estate.resourcePositions(boundToCertificateAt: place) { chainOf[index] = Int32(place) }
        }
        // In the resources' order: the outages under way are reported in it. Each chain is read in
        // place: bound to a name, it was copied for every resource.
        for index in estate.resources.indices where chainOf[index] >= 0 {
            let place = Int(chainOf[index])
            guard let outage = chains[at: place]?.generations[0].outage else { continue }
            serving[index] = Serving(chain: place, generation: 0)
            if let status = chains[at: place]?.status, status == .revoked || status == .revoking {
                goOut(index, on: min(first, outage), because: "its certificate is \(status.rawValue)")
            } else if outage < first {
                goOut(index, on: outage, because: nil)
            } else {
                agenda.schedule(.outage(resource: index, version: 0), on: outage, for: id(at: place))
            }
        }
    }

    /// A replacement moves every resource that serves `old` and whose type the plan names to `new`.
    mutating func move(
        from old: (chain: Int, generation: Int), to new: (chain: Int, generation: Int), types plan: HostingRun,
        on date: LocalDate
    ) {
        var stay: [Int] = []
        var movedIn: [Int] = []
        for index in servingResources(ofChainAt: old.chain) {
            guard var current = serving[index], current.chain == old.chain, current.generation == old.generation,
                !current.isOut, plan.replaces(estate.resources[index].type),
                let outage = chains[at: new.chain]?.generations[new.generation].outage
            else {
                stay.append(index)
                continue
            }
            if new.chain != old.chain {
                movedIn.append(index)
            } else {
                stay.append(index)
            }
            current.chain = new.chain
            current.generation = new.generation
            current.version += 1
            serving[index] = current
            // Moved onto a certificate that has already expired, it is out from the move.
            agenda.schedule(
                .outage(resource: index, version: current.version), on: max(outage, date), for: id(at: new.chain))
        }
        // Only a move to another chain changes which chain's list a resource is in.
        guard !movedIn.isEmpty else { return }
        movedServing[new.chain] = servingResources(ofChainAt: new.chain) + movedIn
        movedServing[old.chain] = stay
    }

    /// The resources that may serve the chain at `place`, in the order they came to it (each still
    /// checked against `serving`: it may have gone out, or moved to a later generation).
    func servingResources(ofChainAt place: Int) -> [Int] {
        if let moved = movedServing[place] { return moved }
        return chains[at: place] == nil ? [] : estate.resourcePositions(boundToCertificateAt: place)
    }

    /// The resource goes out on `date`, unless it moved since the outage was scheduled.
    mutating func outage(_ index: Int, version: Int, on date: LocalDate) {
        guard let current = serving[index], current.version == version, !current.isOut else { return }
        goOut(index, on: date, because: nil)
    }

    /// Records the outage: the event when it falls in the window, the finding (dated its first day,
    /// also before the as-of date) and its chain of causes.
    mutating func goOut(_ index: Int, on date: LocalDate, because reason: String?) {
        guard var current = serving[index], let chain = chains[at: current.chain] else { return }
        current.isOut = true
        serving[index] = current
        guard keepsCauses else { return }
        let resource = estate.resources[index]
        var causes = chains.history(at: current.chain)
        if let reason { causes.append(reason) }
        if let plan = chain.plan, !plan.replaces(resource.type) {
            causes.append("\(plan.record.reference) does not replace on \(resource.type)")
        } else if chain.plan == nil, reason == nil {
            causes.append("no hosting plan replaces it")
        }
        let underWay = date < first
        let served = current.generation == 0 ? "its certificate" : "the successor it was moved to"
        causes.append(
            "\(resource.type) \(resource.id) \(underWay ? "has served" : "serves") an expired or revoked certificate "
                + "from \(date)")
        // The event's detail and the outage each hold the explanation in the text spool: twice in the
        // spool's file once the run spills it (`TextSpool.spill`), in no heap block of their own.
        let explanation = causes.joined(separator: Outage.separator)
        emit(
            TimelineEvent(
                date: date, kind: .resourceExpired, certificateID: id(of: chain), resourceID: resource.id,
                detail: explanation))
        guard explains else { return }
        outages.append(
            Outage(
                resourceID: resource.id, resourceType: resource.type, certificateID: id(of: chain), date: date,
                causes: causes))
        if date <= last {
            findings.append(
                Finding(
                    ruleID: .resExpiredBinding, severity: SimulationRules.severity(of: .resExpiredBinding),
                    certificateID: id(of: chain), resourceID: resource.id,
                    date: date,
                    message: "\(resource.type) \(resource.id) \(underWay ? "is" : "will be") out from \(date): "
                        + "\(served) has expired or been revoked. " + explanation + "."))
        }
    }
}
