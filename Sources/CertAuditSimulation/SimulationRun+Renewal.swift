import CertAuditConsole
import CertAuditCore

/// Auto-renewal (AR-*) and uploaded-certificate hosting's orders (UPH-AUTO-SUBMIT), from the charge
/// or submission to the successor's issue or failure.
extension SimulationRun {
    /// Schedules what renews a certificate in force: uploaded-hosting's order, or auto-renewal's
    /// first charge; a date before the as-of date is history, carried on from the inventory.
    mutating func startRenewal(at place: Int) {
        guard let chain = chains[at: place] else { return }
        let id = self.id(of: chain)
        let record = inventoryRecord(of: chain)
        let expiry = chain.generations[0].expiry
        if let plan = chain.plan, plan.scheme == .uploaded {
            // A designated new certificate replaces it: uploaded-hosting orders none.
            if case .designated = plan.record.association { return }
            let submission = HostingScheme.autoSubmitDate(expiringOn: expiry)
            if submission >= first {
                agenda.schedule(.submit(chain: place), on: submission, for: id)
            } else {
                carryOn(
                    at: place, renewedOn: submission, what: "uploaded-hosting's order was submitted",
                    rule: .uphAutoSubmit)
            }
            return
        }
        guard record.autoRenew == true, AutoRenewal.supports(record) else {
            note(
                at: place,
                record.autoRenew == true
                    ? "auto-renewal does nothing for this product (AR-ELIGIBLE)" : "auto-renewal is off")
            // Without auto-renewal, a successor the inventory already holds in force can still be
            // what hosting replaces with; one still in review never issues.
            if let successor = inventorySuccessors[id].map({ estate.certificates[$0] }), Self.isInForce(successor) {
                chains[at: place]?.generations[0].successor = .inventory(id: successor.id)
            }
            return
        }
        let switchedOn =
            record.autoRenewEnabledOn.map(zone.localDate(of:)) ?? expiry - AutoRenewal.chargeDaysBeforeExpiry
        guard let charge = AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: switchedOn) else {
            note(at: place, "auto-renewal was switched on \(switchedOn) with fewer than 14 days left: it never charges")
            return
        }
        chains[at: place]?.autoRenews = true
        if charge >= first {
            agenda.schedule(.charge(chain: place), on: charge, for: id)
        } else {
            carryOn(at: place, renewedOn: charge, what: "auto-renewal charged", rule: .arChargeDate)
        }
    }

    /// A renewal dated before the as-of date is history: the inventory row naming the certificate in
    /// `renewal_of` carries it on, issued or still in review; without one, none is assumed.
    mutating func carryOn(at place: Int, renewedOn date: LocalDate, what: String, rule: RuleID) {
        let id = id(at: place)
        guard let successorIndex = inventorySuccessors[id] else {
            note(at: place, "\(what) on \(date), before the as-of date, and no certificate names it in renewal_of")
            report(
                rule,
                "\(what) on \(date), before the as-of date, but no certificate in the inventory names \(id) in "
                    + "renewal_of: the simulation assumes there is no successor.", certificate: id, on: first)
            return
        }
        let successor = estate.certificates[successorIndex]
        let state = successor.record.status
        if Self.isInForce(successor) {
            chains[at: place]?.generations[0].successor = .inventory(id: successor.id)
            note(at: place, "its successor \(successor.id) is in the inventory")
        } else if let state, CertificateState.inReview.contains(state) {
            chains[at: place]?.generations[0].successor = .awaiting(createdOn: date)
            chains[at: place]?.settingsIndex = successorIndex
            note(at: place, "its successor \(successor.id) is still in review (\(state.rawValue))")
            review(
                at: place, createdOn: date, product: successor.record.product,
                validated: successor.record.validatesAutomatically || successor.record.validationReady == true,
                failsOn: date + AutoRenewal.validationDeadlineDays, rule: .arValidation)
        } else {
            note(at: place, "its successor \(successor.id) is \(state?.rawValue ?? "not in force")")
        }
    }

    /// Issued, or no state given: a certificate the console serves.
    static func isInForce(_ certificate: Certificate) -> Bool {
        certificate.record.status == nil || certificate.record.status == .issued
    }

    /// AR-CHARGE-DATE, AR-CHARGE-FAILED: the charge for the newest generation's successor, drawn from
    /// the account in date order; a successful one creates the successor (AR-SUCCESSOR).
    mutating func charge(at place: Int, on date: LocalDate) {
        guard let chain = chains[at: place], chain.autoRenews else { return }
        let id = self.id(of: chain)
        let record = inventoryRecord(of: chain)
        let price = prices.price(for: record)
        var event = TimelineEvent(date: date, kind: .renewalCharge, certificateID: id, accountID: record.accountID)
        if record.payment == .points {
            switch payInPoints(at: place, account: record.accountID, price: price, on: date) {
            case nil:
                event.detail =
                    "paid in points (\(price?.pricePoints.map(String.init) ?? "no price") points): not checked"
            case let paid?:
                guard paid else { return }
                event.points = price?.pricePoints
                event.detail = "paid in points"
            }
        } else if let account = record.accountID, let balance = accounts[account], let fen = price?.priceFen {
            let outcome = balance.charge(fen)
            event.amountFen = fen
            accounts[account] = balance.applying(outcome, at: zone.instant(of: date))
            if case .chargeRefused = outcome {
                let (amount, left) = (Money(fen: fen), Money(fen: balance.balanceFen))
                fail(
                    at: place, account: account, short: "balance \(left) < \(amount)", amountFen: fen, points: nil,
                    on: date)
                return
            }
            event.detail = "balance \(Money(fen: balance.balanceFen)) → \(Money(fen: balance.balanceFen - fen))"
            recordFigures(of: account, on: date)
        } else {
            event.detail = uncheckedReason(record, hasPrice: price?.priceFen != nil)
        }
        emit(event)
        note(at: place, "auto-renewal charged on \(date)")
        startSuccessor(at: place, on: date)
        let settings = estate.certificates[chain.settingsIndex].record
        review(
            at: place, createdOn: date, product: settings.product,
            validated: settings.validatesAutomatically || settings.validationReady == true,
            failsOn: date + AutoRenewal.validationDeadlineDays, rule: .arValidation)
    }

    /// Why a charge is taken to succeed without being checked.
    func uncheckedReason(_ record: CertificateRecord, hasPrice: Bool) -> String {
        guard let account = record.accountID else { return "no account_id: the charge is not checked" }
        if !knownAccounts.contains(account) { return "account \(account) is not in accounts.csv: not checked" }
        if accounts[account] == nil { return "account \(account) has no readable balance: not checked" }
        return hasPrice ? "not checked" : "no price in pricing.csv for this product: not checked"
    }

    /// AR-CHARGE-FAILED: the balance cannot cover the charge; auto-renewal stops for the certificate.
    /// `short` says what was missing ("balance 1.00 < 299.00", "48 points < 50").
    mutating func fail(
        at place: Int, account: String, short: String, amountFen: Int64?, points: Int?, on date: LocalDate
    ) {
        let id = id(at: place)
        emit(
            TimelineEvent(
                date: date, kind: .renewalChargeFailed, certificateID: id, accountID: account, amountFen: amountFen,
                points: points, detail: short))
        if shortfalls.insert("\(account)|\(date)").inserted {
            emit(TimelineEvent(date: date, kind: .accountShortfall, accountID: account))
            if shortfallDates[account] == nil { shortfallDates[account] = date }
        }
        chains[at: place]?.autoRenews = false
        note(at: place, "auto-renewal charge failed \(date) (\(short)) → no successor")
        report(
            .arChargeFailed,
            "The auto-renewal charge on \(date) fails for account \(account): \(short). Auto-renewal stops, no "
                + "successor is created: renew by hand.", certificate: id, on: date)
    }

    /// A successor order is created for the newest generation: `successor-created` for auto-renewal
    /// (AR-SUCCESSOR); uploaded-hosting's order is its `uph-order-submitted` (UPH-AUTO-SUBMIT).
    mutating func startSuccessor(at place: Int, on date: LocalDate, announced: Bool = true) {
        guard let newest = chains[at: place]?.newest else { return }
        chains[at: place]?.generations[newest].successor = .awaiting(createdOn: date)
        if announced { emit(TimelineEvent(date: date, kind: .successorCreated, certificateID: id(at: place))) }
    }

    /// REV-DURATION, AR-VALIDATION, UPH-VALIDATION: with its validation record in place the successor
    /// is issued on the review's last working day; without it, its review fails on `failsOn`.
    mutating func review(
        at place: Int, createdOn date: LocalDate, product: Product?, validated: Bool, failsOn: LocalDate, rule: RuleID
    ) {
        let id = id(at: place)
        guard validated else {
            emit(TimelineEvent(date: failsOn, kind: .validationDeadline, certificateID: id))
            emit(TimelineEvent(date: failsOn, kind: .validationFailed, certificateID: id))
            if let newest = chains[at: place]?.newest {
                chains[at: place]?.generations[newest].successor = .failed(on: failsOn)
            }
            note(at: place, "the successor's validation record is missing: its review fails \(failsOn) → no successor")
            report(
                rule,
                "The successor created on \(date) has no domain-validation record in place: its review fails on "
                    + "\(failsOn) and no successor is issued.", certificate: id, on: failsOn)
            return
        }
        let end = ReviewPeriod(
            of: product, startingOn: date, estimate: settings.reviewEstimate, calendar: estate.lifecycle.calendar
        ).end
        // A review that ended before the as-of date issued then (history: no event).
        agenda.schedule(.issue(chain: place), on: end, for: id)
    }

    /// The CA issues the pending successor: a new generation, valid per AR-SUCCESSOR-VALIDITY, which
    /// renews again (auto-renewal switched on the day it was created) or is resubmitted (UPH).
    mutating func issue(at place: Int, on date: LocalDate) {
        guard var chain = chains[at: place], case .awaiting(let created) = chain.generations[chain.newest].successor
        else {
            return
        }
        let id = self.id(of: chain)
        let previous = chain.newest
        let expiry = settings.successorValidity.validUntil(
            oldExpiry: chain.generations[previous].expiry, issuedOn: date)
        chain.generations[previous].successor = .issued(on: date)
        chain.generations.append(RenewalChain.Generation(expiry: expiry, outage: expiry + 1))
        chains[at: place] = chain
        note(at: place, "successor issued \(date), valid until \(expiry)")
        emit(TimelineEvent(date: date, kind: .successorIssued, certificateID: id, detail: "valid until \(expiry)"))
        emit(TimelineEvent(date: expiry, kind: .expiry, certificateID: id, detail: "successor issued \(date)"))
        if let plan = chain.plan, !plan.ended, plan.hostedGeneration == previous {
            if plan.lead == .immediately, case .automatic = plan.record.association {
                agenda.schedule(.replace(chain: place, generation: previous), on: date, for: id)
            }
        } else {
            deployByHand(at: place, generation: previous, issuedOn: date)
        }
        if chain.autoRenews, let charge = AutoRenewal.chargeDate(expiringOn: expiry, switchedOnOn: created) {
            agenda.schedule(.charge(chain: place), on: max(charge, date), for: id)
        }
    }

    /// UPH-AUTO-SUBMIT: uploaded-hosting submits the successor's order 29 days before expiry; paid
    /// when hosting was configured (UPH-PRODUCT), it never fails for money.
    mutating func submit(at place: Int, on date: LocalDate) {
        guard let chain = chains[at: place], let plan = chain.plan, !plan.ended,
            plan.hostedGeneration == chain.newest
        else { return }
        emit(TimelineEvent(date: date, kind: .uphOrderSubmitted, certificateID: id(of: chain)))
        note(at: place, "uploaded-hosting submitted the successor's order \(date)")
        startSuccessor(at: place, on: date, announced: false)
        let record = inventoryRecord(of: chain)
        let ready = plan.record.validationReady ?? record.validationReady
        review(
            at: place, createdOn: date, product: plan.record.successorProduct ?? record.product,
            validated: ready == true, failsOn: date, rule: .uphValidation)
    }

    /// AR-DEPLOY: an issued successor that no hosting plan deploys stays undeployed ("nobody acts by
    /// hand"): the resources bound to the generation it succeeds keep serving that one.
    mutating func deployByHand(at place: Int, generation: Int, issuedOn date: LocalDate) {
        let bound = servingResources(ofChainAt: place).filter { index in
            serving[index].map { $0.chain == place && $0.generation == generation && !$0.isOut } ?? false
        }
        note(at: place, "the successor issued \(date) is not deployed (no hosting plan)")
        guard !bound.isEmpty, let expiry = chains[at: place]?.generations[generation].expiry else { return }
        let names = bound.map { "\(estate.resources[$0].type) \(estate.resources[$0].id)" }.joined(separator: ", ")
        report(
            .arDeploy,
            "The successor issued on \(date) must be deployed by hand: no hosting plan replaces it, so \(names) "
                + "keep serving the certificate that expires on \(expiry).", certificate: id(at: place), on: date)
    }
}
