import CertAuditConsole
import CertAuditCore

/// One run of the simulation: the estate's state as it moves forward, the agenda of what is due, and
/// what it has emitted. The renewal, hosting, outage and alert steps are extensions in files of
/// their own; this file holds the state and the loop.
struct SimulationRun {
    /// Which chain's generation a resource serves (the chain by its place), and whether it is out.
    ///
    /// Its numbers held in 32 bits (a place in the estate is, `GroupedPositions`; a chain has a few
    /// generations, a resource a few moves): 16 bytes a resource in the run's table, not 32.
    struct Serving {
        private var chainBits: Int32
        private var generationBits: Int32
        private var versionBits: Int32 = 0
        var isOut = false

        init(chain: Int, generation: Int) {
            chainBits = Int32(chain)
            generationBits = Int32(generation)
        }

        var chain: Int {
            get { Int(chainBits) }
            set { chainBits = Int32(newValue) }
        }
        var generation: Int {
            get { Int(generationBits) }
            set { generationBits = Int32(newValue) }
        }
        /// Bumped on every move, so an outage scheduled for what it served before is stale.
        var version: Int {
            get { Int(versionBits) }
            set { versionBits = Int32(truncatingIfNeeded: newValue) }
        }
    }

    let estate: Estate
    let settings: AuditSettings
    let zone: RunTimeZone
    /// The as-of date: the first day simulated (RULES.md §0).
    let first: LocalDate
    /// The horizon's last day.
    let last: LocalDate
    /// Told the days simulated so far (nil: nobody asked).
    var progress: ProgressCounter?
    let prices: PriceList
    /// Accounts whose balance the simulation can draw (accounts.csv rows with a readable balance).
    var accounts: [String: AccountState]
    /// Every account accounts.csv names, readable balance or not.
    let knownAccounts: Set<String>
    /// The first inventory row naming each certificate in `renewal_of` (its place in
    /// `estate.certificates`).
    let inventorySuccessors: [String: Int]
    /// The first hosting.csv row in force for each certificate (looked up once per certificate:
    /// a search of hosting.csv for each would cost certificates × plans).
    let hostingInForce: [String: HostingRecord]
    var chains: RenewalChains
    /// Parallel to `estate.resources`; nil for a resource bound to nothing the simulation knows.
    var serving: [Serving?]
    /// The resources of the chains a replacement moved resources onto or off, by the chain's place
    /// (indices into `serving`, in the order they came): every other chain's are the estate's own,
    /// the resources bound to its certificate (`servingResources(ofChainAt:)`). Most replacements
    /// keep the resources in their chain, so this stays small: a list per chain, copied from the
    /// estate, took about 60 MB at the simulation's peak at a million certificates.
    var movedServing: [Int: [Int]] = [:]
    var agenda = Agenda()
    /// Every event but the alerts, which are kept compact (see `Timeline`) and made after the run
    /// (`alertSeries`).
    var events: [TimelineEvent] = []
    /// The only kinds of event `events` keeps (nil: every kind).
    var keptKinds: Set<TimelineEventKind>?
    /// Whether the run keeps its findings, its outages and the causes that explain them (a cost
    /// forecast counts events and needs none of them: at a million certificates they are hundreds of
    /// megabytes of messages per simulation).
    var explains = true
    var findings: [Finding] = []
    var outages: [Outage] = []
    /// `account|date` of each shortfall already emitted (one per account and date).
    var shortfalls: Set<String> = []
    /// Each account's first shortfall (of money or points) within the window.
    var shortfallDates: [String: LocalDate] = [:]
    /// Each account's point packages (packages.csv), in draw order.
    var packages: [String: [PointsPackage]] = [:]
    /// Points each package forfeits at its expiry within the window (PTS-EXPIRY).
    var forfeits: [String: Points] = [:]
    /// Each account's figures after every change within the window (finance.html).
    var accountHistory: [String: [AccountFigures]] = [:]

    init(estate: Estate, settings: AuditSettings) {
        self.estate = estate
        self.settings = settings
        zone = settings.timeZone
        first = settings.asOfDate
        last = settings.asOfDate + Int64(settings.horizonDays)
        prices = PriceList(estate.lifecycle.prices)
        var accounts: [String: AccountState] = [:]
        for record in estate.lifecycle.accounts where accounts[record.id] == nil {
            accounts[record.id] = AccountState(record)
        }
        self.accounts = accounts
        knownAccounts = Set(estate.lifecycle.accounts.map(\.id))
        var successors: [String: Int] = [:]
        for index in estate.certificates.indices {
            if let renewed = estate.certificates[index].record.renewalOf, successors[renewed] == nil {
                successors[renewed] = index
            }
        }
        inventorySuccessors = successors
        var hostingInForce: [String: HostingRecord] = [:]
        for record in estate.lifecycle.hosting
        where hostingInForce[record.certificateID] == nil && HostingPlanState.isInForce(record.status) {
            hostingInForce[record.certificateID] = record
        }
        self.hostingInForce = hostingInForce
        serving = Array(repeating: nil, count: estate.resources.count)
        chains = RenewalChains(estate)
        for record in estate.lifecycle.packages {
            guard let account = record.accountID else { continue }
            packages[account, default: []].append(
                PointsPackage(
                    id: record.id, accountID: account, expiry: record.expiresAt.map(settings.timeZone.localDate(of:)),
                    usable: record.status == .usable || record.status == nil, remaining: record.remainingPoints ?? .zero
                ))
        }
        for account in packages.keys { packages[account]?.sort(by: PointsPackage.drawOrder) }
    }

    /// Sets the scene at the as-of date: every certificate's chain and expiry, the renewals and
    /// hosting plans in force, what each resource serves.
    mutating func start() {
        // The certificates are read in place, by index: a `Certificate` is over a kilobyte with dozens
        // of references, and copying each one cost more than the rest of this loop at 100,000. (A
        // computed property the compiler does not inline into this module copies it too:
        // `effectiveExpiry` is kept small for that.)
        let certificates = estate.certificates
        for index in certificates.indices {
            let id = certificates[index].id
            let place = chains.position(ofCertificateAt: index)
            guard let notAfter = certificates[index].notAfter, chains[at: place] == nil else { continue }
            let effective = certificates[index].effectiveExpiry ?? notAfter
            let generation = RenewalChain.Generation(
                expiry: zone.localDate(of: notAfter), outage: zone.localDate(of: effective + 1))
            chains[at: place] = RenewalChain(index: index, status: certificates[index].record.status, first: generation)
            if effective < notAfter {
                let stops = zone.localDate(of: effective)
                note(
                    at: place,
                    "its chain stops working at the end of \(stops), before the certificate itself (CHAIN-EXPIRING)")
            }
            emit(TimelineEvent(date: generation.expiry, kind: .expiry, certificateID: id))
        }
        // Each chain once, at its place (the first certificate with its ID), in the estate's order.
        for place in certificates.indices where chains.isInForce(at: place, asOf: first) {
            startHosting(at: place)
            startRenewal(at: place)
            schedulePlan(at: place, generation: 0)
        }
        bindResources()
        for account in Set(accounts.keys).union(packages.keys) { recordFigures(of: account, on: first) }
        scheduleLapses()
        for (account, owned) in packages {
            for package in owned {
                if let expiry = package.expiry, expiry >= first {
                    agenda.schedule(.forfeit(package: package.id, account: account), on: expiry, for: "")
                }
            }
        }
    }

    /// Runs the agenda to the horizon.
    mutating func proceed() {
        while let item = agenda.next(through: last) {
            progress?.advance(to: Int(item.date - first))
            switch item.action {
            case .charge(let chain): charge(at: chain, on: item.date)
            case .submit(let chain): submit(at: chain, on: item.date)
            case .issue(let chain): issue(at: chain, on: item.date)
            case .replace(let chain, let generation): replace(at: chain, generation: generation, on: item.date)
            case .outage(let resource, let version): outage(resource, version: version, on: item.date)
            case .forfeit(let package, let account): forfeit(package, of: account, on: item.date)
            case .lapse(let package, let account, let points):
                lapse(package, of: account, points: points, on: item.date)
            }
        }
        progress?.advance(to: Int(last - first))
    }

    /// Notes an account's money and usable points on `date`: the first entry is the as-of figures,
    /// then one entry per date with the day's last figures.
    mutating func recordFigures(of account: String, on date: LocalDate) {
        guard isInWindow(date) else { return }
        var points = Points.zero
        for package in packages[account] ?? [] where package.usable { points = points + package.remaining }
        let figures = AccountFigures(
            date: date, balance: accounts[account].map { Money(fen: $0.balanceFen) }, points: points)
        // In place, with no copy of the history held beside it (which made each change copy the whole
        // history): an account with many renewals is noted many times.
        let sameDay = accountHistory[account].map { $0.count > 1 && $0.last?.date == date } ?? false
        if sameDay { accountHistory[account]?.removeLast() }
        accountHistory[account, default: []].append(figures)
    }

    /// Keeps what falls in the window (as-of date through horizon): nothing before is simulated.
    mutating func emit(_ event: TimelineEvent) {
        guard isInWindow(event.date), keptKinds?.contains(event.kind) ?? true else { return }
        events.append(event)
    }

    /// A finding the simulation dates, kept when its date falls in the window. `aspect` tells apart
    /// findings of one rule about one certificate (see `Finding.aspect`).
    mutating func report(
        _ ruleID: RuleID, _ message: @autoclosure () -> String, certificate: String?, resource: String? = nil,
        on date: LocalDate, aspect: String? = nil
    ) {
        guard explains, isInWindow(date) else { return }
        findings.append(
            Finding(
                ruleID: ruleID, severity: SimulationRules.severity(of: ruleID), certificateID: certificate,
                resourceID: resource, date: date, message: message(), aspect: aspect))
    }

    func isInWindow(_ date: LocalDate) -> Bool { first <= date && date <= last }

    /// The row that speaks for generation `generation` of `chain`: the inventory's own for the first.
    func settings(of chain: RenewalChain, generation: Int) -> CertificateRecord {
        estate.certificates[generation == 0 ? chain.index : chain.settingsIndex].record
    }

    /// The inventory row of the chain's own certificate.
    func inventoryRecord(of chain: RenewalChain) -> CertificateRecord { estate.certificates[chain.index].record }

    /// Adds a dated line to what happened to the chain at `place`.
    mutating func note(at place: Int, _ text: @autoclosure () -> String) {
        guard keepsCauses else { return }
        chains.note(at: place, text())
    }

    /// The inventory certificate ID of the chain at `place`: what its events and findings name.
    func id(at place: Int) -> String { chains[at: place].map { id(of: $0) } ?? "" }

    /// The chain's inventory certificate ID, read from its row.
    func id(of chain: RenewalChain) -> String { estate.certificates[chain.index].id }

    /// Whether anything kept reads a chain's causes: the outages and their findings, or the
    /// resource-expired events whose detail they are.
    var keepsCauses: Bool { explains || (keptKinds?.contains(.resourceExpired) ?? true) }

    /// Messages about the certificate are not ignored on `date` (MSG-IGNORE): ignoring from a date on
    /// silences every message from then; ignoring with no date given, every message.
    func messagesReach(_ record: CertificateRecord, on date: LocalDate) -> Bool {
        guard record.ignored == true else { return true }
        guard let since = record.ignoredSince else { return false }
        return zone.localDate(of: since) > date
    }
}
