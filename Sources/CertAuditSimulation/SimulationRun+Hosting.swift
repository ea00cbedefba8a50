import CertAuditConsole
import CertAuditCore

/// Hosting (HOST-*) and the deployment of uploaded-hosting's successors (UPH-DEPLOY): the plan in
/// force replaces the hosted certificate on the resource types it names, at its lead, if the new
/// certificate is issued by then.
extension SimulationRun {
    /// Takes the first hosting.csv row in force for the certificate and schedules its first
    /// replacement.
    mutating func startHosting(at place: Int) {
        guard let index = chains[at: place]?.index, let record = hostingInForce[id(at: place)] else { return }
        chains[at: place]?.plan = HostingRun(record: record, scheme: HostingScheme(for: estate.certificates[index]))
        note(at: place, "\(record.reference) hosts it")
    }

    /// Schedules the replacement of generation `generation` at the plan's lead (and its reminder);
    /// `immediate` replaces when the successor is issued, and fails on the expiry date without one.
    /// `since` is the day the plan took the generation over (nil: before the as-of date): a date the
    /// plan already let pass — a lead longer than a short successor's life — does not come back.
    mutating func schedulePlan(at place: Int, generation: Int, since: LocalDate? = nil) {
        guard let chain = chains[at: place], let plan = chain.plan else { return }
        let id = self.id(of: chain)
        let expiry = chain.generations[generation].expiry
        if plan.scheme == .uploaded, generation > 0 {
            let submission = HostingScheme.autoSubmitDate(expiringOn: expiry)
            if let since, submission <= since {
                note(at: place, "the successor's order date \(submission) passed before it was deployed: no order")
            } else {
                agenda.schedule(.submit(chain: place), on: submission, for: id)
            }
        }
        switch plan.lead {
        case .daysBeforeExpiry:
            // A replacement date before the as-of date is history: it moves no resource, and the
            // plan carries on with the successor if there was one (`replace`).
            guard let date = plan.lead.replacementDate(expiringOn: expiry) else { return }
            if let since, date < since {
                note(at: place, "its replacement date \(date) passed before it was deployed: the plan ends")
                chains[at: place]?.plan?.ended = true
                return
            }
            agenda.schedule(.replace(chain: place, generation: generation), on: date, for: id)
            if let reminder = plan.lead.reminderDate(expiringOn: expiry), reminder >= first,
                sendsMessages(plan, settings(of: chain, generation: generation), on: reminder)
            {
                emit(TimelineEvent(date: reminder, kind: .hostingReminder, certificateID: id, messageSent: true))
            }
        case .immediately:
            // A successor the inventory already holds (designated, or naming it in renewal_of):
            // issued before the as-of date, its replacement is history, and the resources kept
            // what they serve; issued later, it replaces on its issue date.
            if let ready = inventorySuccessor(of: chain, plan: plan, generation: generation).flatMap(
                readyDate(ofInventory:))
            {
                guard ready >= first else {
                    note(at: place, "the replacement by \(ready) is history: the resources kept what they serve")
                    chains[at: place]?.plan?.ended = true
                    return
                }
                if ready <= expiry {
                    agenda.schedule(.replace(chain: place, generation: generation), on: ready, for: id)
                }
            }
            agenda.schedule(
                .replace(chain: place, generation: generation), on: max(expiry, since ?? first), for: id)
        }
    }

    /// The inventory certificate that succeeds generation `generation` of the chain, if any: the
    /// plan's designated one, or the one naming it in `renewal_of`.
    func inventorySuccessor(of chain: RenewalChain, plan: HostingRun, generation: Int) -> String? {
        if case .designated(let designated) = plan.record.association { return designated }
        if case .inventory(let successor) = chain.generations[generation].successor { return successor }
        return nil
    }

    /// HOST-MESSAGES: the plan's messages are on (not given: on) and the certificate's are not ignored.
    func sendsMessages(_ plan: HostingRun, _ settings: CertificateRecord, on date: LocalDate) -> Bool {
        plan.record.messages != false && messagesReach(settings, on: date)
    }

    /// The date an inventory successor is issued (its notBefore's, else its issue time's), when it
    /// is in force. Read in place: `estate.certificate(id:)` copies the whole certificate out.
    func readyDate(ofInventory id: String) -> LocalDate? {
        estate.position(of: id).flatMap(readyDate(ofInventoryAt:))
    }

    /// The same, for the certificate at `position` in the estate (`position(of:)`'s answer).
    func readyDate(ofInventoryAt position: Int) -> LocalDate? {
        let certificates = estate.certificates
        let state = certificates[position].record.status
        guard state == nil || state == .issued else { return nil }
        let issued = certificates[position].leafNotBefore ?? certificates[position].record.issuedAt
        return issued.map(zone.localDate(of:)) ?? first
    }

    /// HOST-NEW-CERT-READY, HOST-RESOURCE-TYPES: on the replacement date the new certificate must be
    /// issued; it then replaces the hosted one on the types the plan names.
    mutating func replace(at place: Int, generation: Int, on date: LocalDate) {
        guard let chain = chains[at: place], var plan = chain.plan, !plan.ended, plan.hostedGeneration == generation
        else {
            return
        }
        let id = self.id(of: chain)
        let sent = sendsMessages(plan, settings(of: chain, generation: generation), on: date)
        let target = replacement(at: place, plan: plan, generation: generation, on: date)
        guard let target else {
            emit(
                TimelineEvent(
                    date: date, kind: .hostingFailed, certificateID: id, messageSent: sent,
                    detail: "no new certificate issued by then"))
            note(at: place, "hosting failed \(date): no new certificate issued by then")
            chains[at: place]?.plan?.ended = true
            report(
                .hostNewCertReady,
                "\(plan.record.reference): on \(date) there is no new certificate issued to replace with, so the "
                    + "replacement fails and the bound resources keep the certificate that expires on "
                    + "\(chain.generations[generation].expiry).", certificate: id, on: date)
            return
        }
        emit(
            TimelineEvent(
                date: date, kind: .hostingReplaced, certificateID: id, messageSent: sent,
                detail: "replaced with \(target.chain == place ? "its successor" : self.id(at: target.chain))"))
        note(at: place, "hosting replaced it \(date)")
        if !sent {
            report(
                .hostMessages,
                "\(plan.record.reference): the replacement on \(date) sends no message (messages off, or ignored "
                    + "for this certificate).", certificate: id, on: date,
                aspect: "replacement \(chain.generations[generation].expiry)")
        }
        // Before the as-of date the inventory shows where the resources are: history moves none.
        if date >= first { move(from: (place, generation), to: target, types: plan, on: date) }
        if target.chain == place {
            plan.hostedGeneration = target.generation
            chains[at: place]?.plan = plan
            schedulePlan(at: place, generation: target.generation, since: date)
        } else {
            chains[at: place]?.plan?.ended = true
        }
    }

    /// What the plan replaces generation `generation` with on `date`, if it is issued by then: the
    /// designated certificate, the inventory's successor, or the simulated one.
    func replacement(at place: Int, plan: HostingRun, generation: Int, on date: LocalDate)
        -> (chain: Int, generation: Int)?
    {
        // A designated certificate in force that was issued by then replaces, even one that has
        // expired since: the plan deploys what it was told to, and the resources go out at once.
        if case .designated(let designated) = plan.record.association {
            return readyChain(ofInventory: designated, by: date).map { ($0, 0) }
        }
        switch chains[at: place]?.generations[generation].successor {
        case .issued(let issued) where issued <= date: return (place, generation + 1)
        case .inventory(let successor): return readyChain(ofInventory: successor, by: date).map { ($0, 0) }
        default: return nil
        }
    }

    /// The place of the chain of inventory certificate `id` when it is in force and issued by `date`.
    private func readyChain(ofInventory id: String, by date: LocalDate) -> Int? {
        // One lookup: the chain of an inventory certificate is held at the estate's place of its ID.
        guard let place = chains.position(of: id), chains[at: place] != nil,
            let ready = readyDate(ofInventoryAt: place), ready <= date
        else { return nil }
        return place
    }
}
