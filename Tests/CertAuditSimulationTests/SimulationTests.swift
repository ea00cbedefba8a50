import CertAuditCore
import Testing

@testable import CertAuditSimulation

/// The simulation's processes on small estates, each date worked out by hand in the comments
/// (RULES.md §0, docs/simulation.md). Times are Asia/Shanghai; a notAfter of 23:59:59 local on X
/// puts an outage on X + 1.
struct SimulationTests {
    static let zone = RunTimeZone.shanghai

    /// `YYYY-MM-DD`.
    static func day(_ text: String) -> LocalDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])!
    }

    /// 23:59:59 local on `date`.
    static func endOf(_ date: String) -> Instant { zone.instant(of: day(date), hour: 23, minute: 59, second: 59) }

    /// A platform-issued DNSPod DV single-domain certificate with inventory dates, auto-renewing.
    static func certificate(
        _ id: String, expires: String, autoRenew: Bool = true, enabledOn: String? = nil, account: String? = "acc",
        dnsOnPlatform: Bool = true, configure: (inout CertificateRecord) -> Void = { _ in }
    ) -> Certificate {
        var record = CertificateRecord(line: 2, id: id)
        record.brand = "DNSPod"
        record.product = .dv
        record.domainType = .single
        record.status = .issued
        record.claimedNotAfter = endOf(expires)
        record.issuedAt = zone.instant(of: day(expires) - 150)
        record.autoRenew = autoRenew
        record.autoRenewEnabledOn = enabledOn.map { zone.instant(of: day($0)) }
        record.accountID = account
        record.payment = .balance
        record.dnsOnPlatform = dnsOnPlatform
        configure(&record)
        return Certificate(record: record)
    }

    static func price(_ yuan: Int64) -> PriceRecord {
        var price = PriceRecord(line: 2, brand: "DNSPod", product: .dv, domainType: .single, years: 1)
        price.priceFen = yuan * 100
        return price
    }

    static func run(
        _ certificates: [Certificate], resources: [ResourceRecord] = [], lifecycle: LifecycleInputs = LifecycleInputs(),
        asOf: String = "2026-11-28", horizon: Int = 365, policy: SuccessorValidityPolicy = .cabf
    ) -> Simulation {
        let settings = AuditSettings(
            asOf: zone.instant(of: day(asOf)), timeZone: zone, horizonDays: horizon, successorValidity: policy)
        return Simulator.run(
            Estate(certificates: certificates, resources: resources, lifecycle: lifecycle), settings: settings)
    }

    /// `date kind certificate [resource]` of every event of the given kinds.
    static func events(_ simulation: Simulation, _ kinds: Set<TimelineEventKind>? = nil) -> [String] {
        simulation.events.filter { kinds?.contains($0.kind) ?? true }.map {
            [$0.date.description, $0.kind.rawValue, $0.certificateID ?? "", $0.resourceID ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    // MARK: auto-renewal

    /// X = 2027-01-10. Switched on long ago: charged X − 30 = 2026-12-11 (Friday); the DV review
    /// of one working day ends Monday 2026-12-14. Under one-year the successor is valid until
    /// 2028-01-10, beyond the horizon (2027-09-24). Under cabf, issued on 2026-12-14 it is valid
    /// min(2028-01-10, 2026-12-14 + 199) = 2027-07-01, so it renews within the horizon: charged
    /// 2027-07-01 − 30 = 2027-06-01 (Tuesday), issued Wednesday 2027-06-02 under the 100-day stage,
    /// valid min(2028-07-01, 2027-06-02 + 99) = 2027-09-09, and charged again 30 days before, on
    /// 2027-08-10 (issued 2027-08-11, valid past the horizon).
    @Test(arguments: [
        (
            SuccessorValidityPolicy.cabf,
            [
                "2026-12-11 renewal-charge a", "2026-12-11 successor-created a", "2026-12-14 successor-issued a",
                "2027-01-10 expiry a", "2027-06-01 renewal-charge a", "2027-06-01 successor-created a",
                "2027-06-02 successor-issued a", "2027-07-01 expiry a", "2027-08-10 renewal-charge a",
                "2027-08-10 successor-created a", "2027-08-11 successor-issued a", "2027-09-09 expiry a",
            ]
        ),
        (
            .oneYear,
            [
                "2026-12-11 renewal-charge a", "2026-12-11 successor-created a", "2026-12-14 successor-issued a",
                "2027-01-10 expiry a",
            ]
        ),
    ])
    func aChargeOnAFridayIsIssuedOnMonday(policy: SuccessorValidityPolicy, expected: [String]) {
        let simulation = Self.run(
            [Self.certificate("a", expires: "2027-01-10")],
            lifecycle: LifecycleInputs(accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 100_000)]),
            horizon: 300, policy: policy)
        #expect(Self.events(simulation, [.renewalCharge, .successorCreated, .successorIssued, .expiry]) == expected)
        // No price row: charged, but not checked.
        #expect(simulation.events.first { $0.kind == .renewalCharge }?.amountFen == nil)
    }

    /// The seed's worked example, through the engine: old expiry 2021-11-01, auto-renewal switched on
    /// 2021-09-30 (32 days before: charged X − 30 = 2021-10-02, a Saturday). To be issued on
    /// 2021-10-01 as in the seed the review would have to start on 2021-09-30, which the charge
    /// rules never give; issued on Monday 2021-10-04 instead, the successor is valid until
    /// 2022-11-01 under one-year and, 2021-10-04 + 397 = 2022-11-05 being later, under cabf too.
    @Test(arguments: [SuccessorValidityPolicy.cabf, .oneYear])
    func theSeedsWorkedExample(policy: SuccessorValidityPolicy) {
        let simulation = Self.run(
            [Self.certificate("seed", expires: "2021-11-01", enabledOn: "2021-09-30", account: nil)],
            asOf: "2021-09-01", horizon: 500, policy: policy)
        #expect(
            Self.events(simulation, [.renewalCharge, .successorIssued]).prefix(2) == [
                "2021-10-02 renewal-charge seed", "2021-10-04 successor-issued seed",
            ])
        #expect(Self.events(simulation, [.expiry]) == ["2021-11-01 expiry seed", "2022-11-01 expiry seed"])
    }

    /// Switched on 14 days before X = 2027-01-10 (2026-12-27): charged that day; on 13 days before
    /// (2026-12-28): never (AR-ENABLE-WINDOW). 29 days before (2026-12-12): charged that day; 30
    /// days before (2026-12-11): charged X − 30, the same day.
    @Test(arguments: [
        ("2026-12-27", "2026-12-27"), ("2026-12-28", nil), ("2026-12-12", "2026-12-12"), ("2026-12-11", "2026-12-11"),
        ("2026-12-01", "2026-12-11"),
    ])
    func theChargeDateFollowsTheSwitch(enabledOn: String, charged: String?) {
        let simulation = Self.run(
            [Self.certificate("a", expires: "2027-01-10", enabledOn: enabledOn, account: nil)], horizon: 60)
        #expect(
            simulation.events.filter { $0.kind == .renewalCharge }.map(\.date.description)
                == [charged].compactMap { $0 })
    }

    /// Two certificates on one account of 500.00, each renewal 299.00: on 2026-12-11 `a` (first by
    /// ID) draws 299.00, leaving 201.00, so `b`'s charge that day fails and the account is short;
    /// `c`, charged 2026-12-21, fails too (one shortfall event per date).
    @Test func aChargeFailsWhenAnEarlierOneUsedTheBalance() {
        let simulation = Self.run(
            [
                Self.certificate("b", expires: "2027-01-10"), Self.certificate("a", expires: "2027-01-10"),
                Self.certificate("c", expires: "2027-01-20"),
            ],
            lifecycle: LifecycleInputs(
                accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 50_000)], prices: [Self.price(299)]),
            horizon: 40)
        #expect(
            Self.events(simulation, [.renewalCharge, .renewalChargeFailed, .accountShortfall, .successorCreated]) == [
                "2026-12-11 renewal-charge a", "2026-12-11 renewal-charge-failed b", "2026-12-11 account-shortfall",
                "2026-12-11 successor-created a", "2026-12-21 renewal-charge-failed c", "2026-12-21 account-shortfall",
            ])
        #expect(simulation.events.first { $0.kind == .renewalCharge }?.amountFen == 29_900)
        #expect(simulation.findings.filter { $0.ruleID == .arChargeFailed }.map(\.certificateID) == ["b", "c"])
    }

    /// An estate made in code can hold two certificates with one ID (the inventory's reader
    /// quarantines the second row): they share one chain, set up once — the same renewal as one
    /// certificate's, charged once, not once per certificate.
    @Test func aCertificateIDHeldTwiceRenewsOnce() {
        let lifecycle = LifecycleInputs(accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 100_000)])
        let once = Self.run([Self.certificate("a", expires: "2027-01-10")], lifecycle: lifecycle, horizon: 60)
        let twice = Self.run(
            [Self.certificate("a", expires: "2027-01-10"), Self.certificate("a", expires: "2027-01-10")],
            lifecycle: lifecycle, horizon: 60)
        let kinds: Set<TimelineEventKind> = [.renewalCharge, .successorCreated, .successorIssued]
        #expect(
            Self.events(twice, kinds) == [
                "2026-12-11 renewal-charge a", "2026-12-11 successor-created a",
                "2026-12-14 successor-issued a",
            ])
        #expect(Self.events(twice, kinds) == Self.events(once, kinds))
    }

    /// Without a validation record (DNS not on the platform, not ready) the successor created on
    /// 2026-12-11 fails its review at the end of 2026-12-14 (D + 3) and is never issued.
    @Test func aMissingValidationRecordFailsThreeDaysLater() {
        let simulation = Self.run(
            [Self.certificate("a", expires: "2027-01-10", account: nil, dnsOnPlatform: false)], horizon: 60)
        #expect(
            Self.events(simulation, [.successorCreated, .validationDeadline, .validationFailed, .successorIssued]) == [
                "2026-12-11 successor-created a", "2026-12-14 validation-deadline a", "2026-12-14 validation-failed a",
            ])
        #expect(simulation.findings.map(\.ruleID) == [.arValidation])
    }

    /// A review across the Spring Festival: charged Friday 2027-02-05 (X = 2027-03-07), the next
    /// working day is the make-up Sunday 2027-02-07? No: holidays 2027-02-06…2027-02-13, make-up
    /// workday 2027-02-14 (Sunday): the one-day review ends on 2027-02-14.
    @Test func aReviewAcrossHolidaysEndsOnTheMakeUpWorkday() {
        let holidays = (6...13).map {
            HolidayRecord(line: $0, date: LocalDate(year: 2027, month: 2, day: $0)!, kind: .holiday)
        }
        let calendar = WorkingCalendar(
            holidays: Set(holidays.map(\.date)), makeUpWorkdays: [Self.day("2027-02-14")])
        let simulation = Self.run(
            [Self.certificate("a", expires: "2027-03-07", account: nil)],
            lifecycle: LifecycleInputs(calendar: calendar), horizon: 120)
        #expect(
            Self.events(simulation, [.renewalCharge, .successorIssued]) == [
                "2027-02-05 renewal-charge a", "2027-02-14 successor-issued a",
            ])
    }

    // MARK: hosting and outages

    /// Hosted with a 15-day lead on CDN only; bound to a CDN and a CLB. X = 2027-01-10: charged
    /// 2026-12-11, issued 2026-12-14 (valid until 2027-07-01 under cabf); reminder 2026-12-23,
    /// replacement 2026-12-26 moves the CDN; the CLB keeps the old certificate and is out from
    /// 2027-01-11. The CDN, on the successor, is out from 2027-07-02 (the plan's next lead,
    /// 2027-06-16, has no successor: the renewal of the successor is not paid for (no account),
    /// so it is charged unchecked, created 2027-06-01 and issued 2027-06-02 — in time).
    @Test func aPlanCoveringTheCDNButNotTheLoadBalancer() {
        var plan = HostingRecord(line: 2, certificateID: "a", resourceTypes: [ResourceType("CDN")])
        plan.replaceLead = .daysBeforeExpiry(15)
        plan.status = .hosting
        let resources = [
            ResourceRecord(line: 2, id: "cdn-1", type: ResourceType("CDN"), certificateID: "a"),
            ResourceRecord(line: 3, id: "lb-1", type: ResourceType("CLB"), certificateID: "a"),
        ]
        let simulation = Self.run(
            [Self.certificate("a", expires: "2027-01-10", account: nil)], resources: resources,
            lifecycle: LifecycleInputs(hosting: [plan]), horizon: 250)
        #expect(
            Self.events(simulation, [.hostingReminder, .hostingReplaced, .hostingFailed, .resourceExpired]) == [
                "2026-12-23 hosting-reminder a", "2026-12-26 hosting-replaced a", "2027-01-11 resource-expired a lb-1",
                "2027-06-13 hosting-reminder a", "2027-06-16 hosting-replaced a",
            ])
        let outage = simulation.outages.first
        #expect(simulation.outages.count == 1 && outage?.resourceID == "lb-1")
        #expect(outage?.causes.contains { $0.contains("does not replace on CLB") } == true)
        #expect(simulation.findings.filter { $0.ruleID == .resExpiredBinding }.map(\.resourceID) == ["lb-1"])
    }

    /// A designated successor issued on 2026-12-27, one day after the replacement date 2026-12-26
    /// (X = 2027-01-10, lead 15): the replacement fails, the CLB is out from 2027-01-11.
    @Test func aDesignatedSuccessorIssuedOneDayTooLate() {
        var plan = HostingRecord(
            line: 2, certificateID: "old", resourceTypes: [ResourceType("CLB")], association: .designated("new"))
        plan.replaceLead = .daysBeforeExpiry(15)
        let old = Self.certificate("old", expires: "2027-01-10", autoRenew: false)
        let new = Self.certificate("new", expires: "2027-07-01", autoRenew: false) {
            $0.issuedAt = Self.zone.instant(of: Self.day("2026-12-27"), hour: 10)
        }
        let simulation = Self.run(
            [old, new],
            resources: [ResourceRecord(line: 2, id: "lb-1", type: ResourceType("CLB"), certificateID: "old")],
            lifecycle: LifecycleInputs(hosting: [plan]), horizon: 60)
        #expect(
            Self.events(simulation, [.hostingReplaced, .hostingFailed, .resourceExpired]) == [
                "2026-12-26 hosting-failed old", "2027-01-11 resource-expired old lb-1",
            ])
        #expect(simulation.findings.contains { $0.ruleID == .hostNewCertReady && $0.date == Self.day("2026-12-26") })
    }

    /// The same designated successor issued on the replacement date itself is in time (issuance
    /// comes before replacements on one date): the CLB moves to it.
    @Test func aDesignatedSuccessorIssuedOnTheReplacementDateIsInTime() {
        var plan = HostingRecord(
            line: 2, certificateID: "old", resourceTypes: [ResourceType("CLB")], association: .designated("new"))
        plan.replaceLead = .daysBeforeExpiry(15)
        let new = Self.certificate("new", expires: "2027-07-01", autoRenew: false) {
            $0.issuedAt = Self.zone.instant(of: Self.day("2026-12-26"), hour: 10)
        }
        let simulation = Self.run(
            [Self.certificate("old", expires: "2027-01-10", autoRenew: false), new],
            resources: [ResourceRecord(line: 2, id: "lb-1", type: ResourceType("CLB"), certificateID: "old")],
            lifecycle: LifecycleInputs(hosting: [plan]), horizon: 60)
        #expect(
            Self.events(simulation, [.hostingReplaced, .hostingFailed, .resourceExpired]) == [
                "2026-12-26 hosting-replaced old"
            ])
    }

    /// A resource moved to another certificate follows that certificate's own plan with the ones
    /// bound to it: old's plan moves lb-1 (not cdn-1) to new on 2026-12-26 (X = 2027-01-10, lead
    /// 15), and new's plan moves lb-2 and lb-1 to newer on 2027-06-16 (new's X = 2027-07-01): only
    /// cdn-1, left on old, goes out (2027-01-11). The simulation keeps the estate's lists of bound
    /// resources and a list of its own only for the certificates a move changed.
    @Test func aResourceMovedToAnotherCertificateFollowsThatCertificatesPlan() {
        func plan(_ line: Int, _ from: String, to designated: String) -> HostingRecord {
            var plan = HostingRecord(
                line: line, certificateID: from, resourceTypes: [ResourceType("CLB")],
                association: .designated(designated))
            plan.replaceLead = .daysBeforeExpiry(15)
            return plan
        }
        func issued(_ id: String, on date: String, expires: String) -> Certificate {
            Self.certificate(id, expires: expires, autoRenew: false) {
                $0.issuedAt = Self.zone.instant(of: Self.day(date), hour: 10)
            }
        }
        let resources = [
            ResourceRecord(line: 2, id: "lb-1", type: ResourceType("CLB"), certificateID: "old"),
            ResourceRecord(line: 3, id: "cdn-1", type: ResourceType("CDN"), certificateID: "old"),
            ResourceRecord(line: 4, id: "lb-2", type: ResourceType("CLB"), certificateID: "new"),
        ]
        let simulation = Self.run(
            [
                Self.certificate("old", expires: "2027-01-10", autoRenew: false),
                issued("new", on: "2026-12-20", expires: "2027-07-01"),
                issued("newer", on: "2027-06-01", expires: "2028-01-01"),
            ], resources: resources,
            lifecycle: LifecycleInputs(hosting: [plan(2, "old", to: "new"), plan(3, "new", to: "newer")]),
            horizon: 250)
        #expect(
            Self.events(simulation, [.hostingReplaced, .hostingFailed, .resourceExpired]) == [
                "2026-12-26 hosting-replaced old", "2027-01-11 resource-expired old cdn-1",
                "2027-06-16 hosting-replaced new",
            ])
        #expect(simulation.outages.map(\.resourceID) == ["cdn-1"])
    }

    /// An outage under way is reported with its first day, before the as-of date, and no event.
    @Test func anOutageUnderWayKeepsItsDate() {
        let simulation = Self.run(
            [Self.certificate("gone", expires: "2026-11-10", autoRenew: false)],
            resources: [ResourceRecord(line: 2, id: "cdn-1", type: ResourceType("CDN"), certificateID: "gone")])
        #expect(simulation.events.filter { $0.kind == .resourceExpired }.isEmpty)
        #expect(simulation.findings.map(\.date) == [Self.day("2026-11-11")])
    }

    // MARK: alerts

    /// X = 2026-12-20. Threshold 15 with `<`: first date X − 14 = 2026-12-06; `<=`: X − 15.
    /// An alert reaches each receiver on each of their channels, in receiver then channel order
    /// (the order the reports list them): a channel without what it needs is undeliverable, an
    /// unknown receiver and one without channels are each one undeliverable delivery.
    @Test func anAlertsDeliveriesAreByReceiverAndChannelAndSayWhichArrive() {
        var zed = ContactRecord(line: 2, id: "zed", channels: [.wechat, .email, .sms])
        zed.email = "zed@example.com"
        let amy = ContactRecord(line: 3, id: "amy")
        let policy = AlertPolicyRecord(
            line: 2, id: "p", selection: .all, thresholdDays: 15, receivers: ["zed", "nobody", "amy"])
        let simulation = Self.run(
            [Self.certificate("a", expires: "2026-12-20", autoRenew: false)],
            lifecycle: LifecycleInputs(contacts: [zed, amy], alertPolicies: [policy]), horizon: 60)
        let alert = simulation.events.first { $0.kind == .alert }
        #expect(
            alert?.deliveries == [
                AlertDelivery(receiver: "amy", channel: "no channel", deliverable: false),
                AlertDelivery(receiver: "nobody", channel: "unknown contact", deliverable: false),
                AlertDelivery(receiver: "zed", channel: "email", deliverable: true),
                AlertDelivery(receiver: "zed", channel: "sms", deliverable: false),
                AlertDelivery(receiver: "zed", channel: "wechat", deliverable: false),
            ])
    }

    /// The series of one policy share one box of its ID, deliveries and repeat (`AlertRouting`),
    /// whatever the number of certificates it watches; another policy has its own. A series' days
    /// read back with its policy's repeat.
    @Test func aPolicysSeriesShareItsRouting() {
        let policies = [
            AlertPolicyRecord(line: 2, id: "p", selection: .all, thresholdDays: 15, receivers: ["nobody"]),
            AlertPolicyRecord(line: 3, id: "q", selection: .all, thresholdDays: 15, repeats: .everyHours(36)),
        ]
        let estate = Estate(
            certificates: ["a", "b", "c"].map { Self.certificate($0, expires: "2026-12-20", autoRenew: false) },
            lifecycle: LifecycleInputs(alertPolicies: policies))
        let expiry = Self.day("2026-12-20")
        let series = SimulationRun.alertSeries(
            of: estate, expiries: [expiry, expiry, expiry].map(PackedLocalDate.init), from: Self.day("2026-11-28"),
            through: Self.day("2027-01-27"))
        #expect(series.map { "\($0.policyID) \($0.certificateID)" } == ["p a", "p b", "p c", "q a", "q b", "q c"])
        #expect(series[0].routing === series[1].routing && series[1].routing === series[2].routing)
        #expect(series[3].routing === series[5].routing && series[0].routing !== series[3].routing)
        #expect(
            series[0].deliveries == [AlertDelivery(receiver: "nobody", channel: "unknown contact", deliverable: false)])
        #expect(series[0].days == AlertFiringDays(first: Self.day("2026-12-06"), last: expiry, repeats: .once))
        #expect(
            series[3].days == AlertFiringDays(first: Self.day("2026-12-06"), last: expiry, repeats: .everyHours(36)))
        #expect(series[3].routing.value.repeats == .everyHours(36) && series[0].routing.value.repeats == .once)
        #expect(MemoryLayout<AlertSeries>.stride <= 32)
    }

    /// Every alert event of a policy, whatever its day or certificate, holds the policy's one list of
    /// deliveries — the same storage, not an equal copy: the report renderers make each list's
    /// `<delivery>` children and CSV cell once by that (`ItemsSharing`).
    @Test func aPolicysAlertsHoldItsOneListOfDeliveries() {
        let policies = [
            AlertPolicyRecord(line: 2, id: "p", selection: .all, thresholdDays: 15, receivers: ["nobody"]),
            AlertPolicyRecord(
                line: 3, id: "q", selection: .all, thresholdDays: 15, repeats: .everyHours(24), receivers: ["someone"]),
        ]
        let simulation = Self.run(
            ["a", "b", "c"].map { Self.certificate($0, expires: "2026-12-20", autoRenew: false) },
            lifecycle: LifecycleInputs(alertPolicies: policies), horizon: 60)
        let alerts = simulation.events.filter { $0.kind == .alert }
        #expect(alerts.count > 3 * 14)
        let storage = Dictionary(grouping: alerts, by: { $0.policyID ?? "" }).mapValues { events in
            Set(events.map { $0.deliveries.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        }
        #expect(storage.keys.sorted() == ["p", "q"])
        #expect(storage["p"]?.count == 1 && storage["q"]?.count == 1 && storage["p"] != storage["q"])
    }

    /// Every 48 hours from 00:00 of the first date: every other day through X.
    @Test func alertsFireFromTheThresholdThroughExpiry() {
        let policies = [
            AlertPolicyRecord(line: 2, id: "once", selection: .all, thresholdDays: 15),
            AlertPolicyRecord(
                line: 3, id: "every-48h", selection: .certificates(["a"]), thresholdDays: 15, comparison: .atOrBelow,
                repeats: .everyHours(48)),
        ]
        let simulation = Self.run(
            [Self.certificate("a", expires: "2026-12-20", autoRenew: false)],
            lifecycle: LifecycleInputs(alertPolicies: policies), horizon: 60)
        let alerts = simulation.events.filter { $0.kind == .alert }
        #expect(alerts.filter { $0.policyID == "once" }.map(\.date.description) == ["2026-12-06"])
        #expect(
            alerts.filter { $0.policyID == "every-48h" }.map(\.date.description) == [
                "2026-12-05", "2026-12-07", "2026-12-09", "2026-12-11", "2026-12-13", "2026-12-15", "2026-12-17",
                "2026-12-19",
            ])
        #expect(
            AlertSchedule(
                policy: AlertPolicyRecord(line: 2, id: "p", selection: .all, thresholdDays: 3, repeats: .everyHours(5)),
                expiry: Self.day("2026-12-03")
            ).firingDays(from: Self.day("2026-11-28"), through: Self.day("2027-01-01"))?.firings.map(\.times) == [
                5, 5, 5,
            ])
    }

    /// A schedule fires on the days of the window, up to the expiry, whose days to expiry are below
    /// (or at most) the threshold — from the first of them, every day for a policy repeating at least
    /// daily, once for `once` —, held to a plain filter of the window's days over thresholds,
    /// repeats, comparisons and expiries before, inside and after the window.
    @Test func firingDaysAreTheWindowsDaysUnderTheThreshold() {
        let start = Self.day("2026-11-28")
        let end = Self.day("2027-01-10")
        var checked = 0
        for repeats in [
            AlertPolicyRecord.Repeat.once, .everyHours(1), .everyHours(5), .everyHours(24), .everyHours(48),
            .everyHours(100),
        ] {
            for comparison in [AlertPolicyRecord.Comparison.below, .atOrBelow] {
                for threshold in [0, 1, 3, 30, 90] {
                    for offset in stride(from: -5, through: 60, by: 1) {
                        let expiry = start + Int64(offset)
                        let schedule = AlertSchedule(
                            policy: AlertPolicyRecord(
                                line: 2, id: "p", selection: .all, thresholdDays: threshold, comparison: comparison,
                                repeats: repeats),
                            expiry: expiry)
                        let eligible = (0...Int(end - start)).map { start + Int64($0) }.filter { date in
                            let left = Int(expiry - date)
                            return date <= expiry && (comparison == .below ? left < threshold : left <= threshold)
                        }
                        let dates = schedule.firingDays(from: start, through: end)?.firings.map(\.date) ?? []
                        let label = "\(repeats) \(comparison) \(threshold) \(offset)"
                        #expect(dates.first == eligible.first, "\(label)")
                        #expect(dates.allSatisfy(eligible.contains), "\(label)")
                        switch repeats {
                        case .once: #expect(dates.count == min(1, eligible.count), "\(label)")
                        case .everyHours(let hours) where hours <= 24: #expect(dates == eligible, "\(label)")
                        case .everyHours: break
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 6 * 2 * 5 * 66)
    }

    /// Same inputs, same events: the simulation is a pure function.
    @Test func theSimulationIsDeterministic() {
        let certificates = (0..<50).map { Self.certificate("c\($0)", expires: "2027-0\(1 + $0 % 9)-1\($0 % 10)") }
        let lifecycle = LifecycleInputs(
            accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 300_000)], prices: [Self.price(299)])
        let first = Self.run(certificates, lifecycle: lifecycle)
        let second = Self.run(certificates.reversed(), lifecycle: lifecycle)
        #expect(first.events == second.events)
        #expect(first.findings.sorted() == second.findings.sorted())
    }

    /// Forty certificates expiring over nine months, charged from one account and watched by one
    /// alert policy over a 400-day horizon: charges, successors and alerts for the tests that compare
    /// a simulation keeping less with the full one.
    static func chargedAndAlertedEstate() -> (Estate, AuditSettings) {
        let certificates = (0..<40).map { Self.certificate("c\($0)", expires: "2027-0\(1 + $0 % 9)-1\($0 % 10)") }
        let lifecycle = LifecycleInputs(
            accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 100_000)], prices: [Self.price(299)],
            alertPolicies: [AlertPolicyRecord(line: 2, id: "p", selection: .all, thresholdDays: 30)])
        let settings = AuditSettings(
            asOf: Self.zone.instant(of: Self.day("2026-11-28")), timeZone: Self.zone, horizonDays: 400)
        let estate = Estate(certificates: certificates, lifecycle: lifecycle)
        return (estate, settings)
    }

    /// A simulation keeping some kinds of event (the cost forecast's) keeps exactly those events of
    /// the full simulation, alerts included, and simulates the same findings.
    @Test(arguments: [Set<TimelineEventKind>([.renewalCharge, .uphOrderSubmitted]), [.alert, .expiry], []])
    func keepingSomeKindsKeepsExactlyThoseEvents(kinds: Set<TimelineEventKind>) {
        let (estate, settings) = Self.chargedAndAlertedEstate()
        let full = Simulator.run(estate, settings: settings)
        let kept = Simulator.run(estate, settings: settings, keeping: kinds)
        #expect(Array(kept.events) == full.events.filter { kinds.contains($0.kind) })
        #expect(kept.findings == full.findings)
        #expect(kinds.isEmpty || kept.events.count > 0)
    }

    /// `alerts: false` (the cost forecast's) simulates the same future without the alert policies:
    /// every other event and every finding as with them, and no alert.
    @Test func withoutAlertsEveryOtherEventAndFindingIsKept() {
        let (estate, settings) = Self.chargedAndAlertedEstate()
        let full = Simulator.run(estate, settings: settings)
        let quiet = Simulator.run(estate, settings: settings, alerts: false)
        #expect(full.events.contains { $0.kind == .alert })
        #expect(!quiet.events.contains { $0.kind == .alert })
        #expect(Array(quiet.events) == full.events.filter { $0.kind != .alert })
        #expect(quiet.findings == full.findings)
    }

    /// A simulation that does not explain (the cost forecast's) simulates the same future: it keeps
    /// the same events, resource outages included with their causes, and no findings or outages.
    @Test(arguments: [nil, Set<TimelineEventKind>([.renewalCharge, .uphOrderSubmitted]), [.resourceExpired]])
    func notExplainingKeepsTheSameEventsAndNoFindings(kinds: Set<TimelineEventKind>?) {
        let certificates = (0..<40).map { Self.certificate("c\($0)", expires: "2027-0\(1 + $0 % 9)-1\($0 % 10)") }
        let resources = certificates.map {
            ResourceRecord(line: 2, id: "lb-\($0.id)", type: ResourceType("CLB"), certificateID: $0.id)
        }
        let lifecycle = LifecycleInputs(
            accounts: [AccountRecord(line: 2, id: "acc", balanceFen: 100_000)], prices: [Self.price(299)])
        let settings = AuditSettings(
            asOf: Self.zone.instant(of: Self.day("2026-11-28")), timeZone: Self.zone, horizonDays: 400)
        let estate = Estate(certificates: certificates, resources: resources, lifecycle: lifecycle)
        let full = Simulator.run(estate, settings: settings, keeping: kinds)
        let bare = Simulator.run(estate, settings: settings, keeping: kinds, explaining: false)
        #expect(bare.events == full.events)
        #expect(bare.findings.isEmpty && bare.outages.isEmpty)
        #expect(!full.findings.isEmpty && !full.outages.isEmpty)
        #expect(full.events.contains { kinds?.contains($0.kind) ?? true })
        #expect(!full.events.contains { $0.kind == .resourceExpired && $0.detail.isEmpty })
    }
}
