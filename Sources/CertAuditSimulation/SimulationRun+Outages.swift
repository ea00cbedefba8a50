import CertAuditConsole
import CertAuditCore

/// RES-EXPIRED-BINDING: every resource serves its certificate until a replacement moves it, and is
/// out from the first day after what it serves expires (RULES.md §0); nobody acts afterwards.
extension SimulationRun {
    /// What every resource serves at the as-of date: an outage under way is reported with its first
    /// day (before the as-of date); a revoked certificate is out now.
    mutating func bindResources() {
        servingChain.reserveCapacity(estate.resources.count)
        // Each chain is looked up once and read in place: bound to a name, it was copied for every
        // resource (all three simulations of a run do this).
        for index in estate.resources.indices {
            guard let id = estate.resources[index].certificateID, let place = chains.position(of: id),
                let outage = chains[at: place]?.generations[0].outage
            else { continue }
            serving[index] = Serving(certificateID: id, generation: 0)
            // The estate's list of the resources bound to it, shared until a move changes it.
            if servingChain[id] == nil { servingChain[id] = estate.resourcePositions(boundToCertificateAt: place) }
            if let status = chains[at: place]?.status, status == .revoked || status == .revoking {
                goOut(index, on: min(first, outage), because: "its certificate is \(status.rawValue)")
            } else if outage < first {
                goOut(index, on: outage, because: nil)
            } else {
                agenda.schedule(.outage(resource: index, version: 0), on: outage, for: id)
            }
        }
    }

    /// A replacement moves every resource that serves `old` and whose type the plan names to `new`.
    mutating func move(
        from old: (certificateID: String, generation: Int), to new: (certificateID: String, generation: Int),
        types plan: HostingRun, on date: LocalDate
    ) {
        var stay: [Int] = []
        for index in servingChain[old.certificateID] ?? [] {
            guard var current = serving[index], current.certificateID == old.certificateID,
                current.generation == old.generation, !current.isOut, plan.replaces(estate.resources[index].type),
                let outage = chains[new.certificateID]?.generations[new.generation].outage
            else {
                stay.append(index)
                continue
            }
            if new.certificateID != old.certificateID {
                servingChain[new.certificateID, default: []].append(index)
            } else {
                stay.append(index)
            }
            current.certificateID = new.certificateID
            current.generation = new.generation
            current.version += 1
            serving[index] = current
            // Moved onto a certificate that has already expired, it is out from the move.
            agenda.schedule(
                .outage(resource: index, version: current.version), on: max(outage, date), for: new.certificateID)
        }
        servingChain[old.certificateID] = stay
    }

    /// The resource goes out on `date`, unless it moved since the outage was scheduled.
    mutating func outage(_ index: Int, version: Int, on date: LocalDate) {
        guard let current = serving[index], current.version == version, !current.isOut else { return }
        goOut(index, on: date, because: nil)
    }

    /// Records the outage: the event when it falls in the window, the finding (dated its first day,
    /// also before the as-of date) and its chain of causes.
    mutating func goOut(_ index: Int, on date: LocalDate, because reason: String?) {
        guard var current = serving[index], let chain = chains[current.certificateID] else { return }
        current.isOut = true
        serving[index] = current
        guard keepsCauses else { return }
        let resource = estate.resources[index]
        var causes = chain.history
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
        let outage = Outage(
            resourceID: resource.id, resourceType: resource.type, certificateID: chain.id, date: date, causes: causes)
        // The event's detail is the outage's own explanation: one text in the spool for both.
        var event = TimelineEvent(
            date: date, kind: .resourceExpired, certificateID: chain.id, resourceID: resource.id)
        event.spooledDetail = outage.spooledExplanation
        emit(event)
        guard explains else { return }
        outages.append(outage)
        if date <= last {
            findings.append(
                Finding(
                    ruleID: .resExpiredBinding, severity: SimulationRules.severity(of: .resExpiredBinding),
                    certificateID: chain.id, resourceID: resource.id,
                    date: date,
                    message: "\(resource.type) \(resource.id) \(underWay ? "is" : "will be") out from \(date): "
                        + "\(served) has expired or been revoked. " + outage.explanation + "."))
        }
    }
}
