import CertAuditCore

/// One package's ledger at the as-of time: its rows in time order (then line), how each transfer
/// stands, and the reconciliation walk of spec/INPUTS.md's ledger arithmetic over them.
public struct PackageLedger: Sendable {
    public let package: PackageRecord
    /// The package's rows by `at`, then line.
    public let entries: [LedgerEntry]
    /// Each `transfer_out`'s standing, by its ledger line.
    public let transfers: [Int: TransferStanding]
    /// The walk: every row, and each lapsed transfer's return at its lapse time.
    public let steps: [LedgerStep]
    /// The row that creates the package: its first purchase, recharge or transfer_in.
    public let original: LedgerEntry?
    /// The first point where the ledger stops adding up; nil when it reconciles.
    public let reconciliationBreak: ReconciliationBreak?

    /// Kinds of row that can create a package (spec/INPUTS.md).
    static let creatingKinds: Set<LedgerEntry.Kind> = [.purchase, .recharge, .transferIn]

    public init(package: PackageRecord, entries: [LedgerEntry], asOf: Instant) {
        self.package = package
        let ordered = entries.sorted { ($0.at, $0.line) < ($1.at, $1.line) }
        self.entries = ordered
        var cancels: [String: LedgerEntry] = [:]
        for entry in ordered where entry.kind == .transferCancel {
            if let code = entry.code, cancels[code] == nil { cancels[code] = entry }
        }
        var transfers: [Int: TransferStanding] = [:]
        for entry in ordered where entry.kind == .transferOut {
            transfers[entry.line] = TransferStanding.of(entry, cancel: entry.code.flatMap { cancels[$0] }, asOf: asOf)
        }
        self.transfers = transfers
        let original = ordered.first { Self.creatingKinds.contains($0.kind) }
        self.original = original
        steps = Self.walk(ordered, transfers: transfers)
        reconciliationBreak = Self.firstBreak(of: steps, package: package, original: original)
    }

    /// The points the ledger says are left: credits − debits, lapsed transfers returned.
    public var balance: Points { steps.last?.balance ?? .zero }

    /// Every credit row's points.
    public var credits: Points {
        entries.reduce(.zero) { $1.kind.credits ? $0 + $1.points : $0 }
    }

    /// Every debit row's points, but for lapsed transfers (no debit: their points returned).
    public var debits: Points {
        entries.reduce(.zero) { sum, entry in
            guard !entry.kind.credits else { return sum }
            if case .lapsed = transfers[entry.line] { return sum }
            return sum + entry.points
        }
    }

    /// The returns of lapsed transfers, in time order: the lapse events.
    public var lapses: [LedgerStep] { steps.filter { $0.effect == .lapseReturn } }

    /// Rows and lapse returns in time order; on one instant a return comes first (a code is lapsed
    /// from the 300th minute on), then rows by line.
    static func walk(_ entries: [LedgerEntry], transfers: [Int: TransferStanding]) -> [LedgerStep] {
        var moves: [(at: Instant, order: Int, line: Int, entry: LedgerEntry, effect: LedgerStep.Effect)] = []
        moves.reserveCapacity(entries.count)
        for entry in entries {
            moves.append((entry.at, 1, entry.line, entry, entry.kind.credits ? .credit : .debit))
            if case .lapsed(let returnedAt) = transfers[entry.line] {
                moves.append((returnedAt, 0, entry.line, entry, .lapseReturn))
            }
        }
        moves.sort { ($0.at, $0.order, $0.line) < ($1.at, $1.order, $1.line) }
        var balance = Points.zero
        return moves.map { move in
            balance = move.effect == .debit ? balance - move.entry.points : balance + move.entry.points
            return LedgerStep(at: move.at, entry: move.entry, effect: move.effect, balance: balance)
        }
    }

    /// The first step that breaks the ledger, in walk order; then the end balance against the stated
    /// remaining points. A missing total or remaining is not checked (INV-BAD-VALUE reports it).
    static func firstBreak(of steps: [LedgerStep], package: PackageRecord, original: LedgerEntry?)
        -> ReconciliationBreak?
    {
        for step in steps {
            if step.effect != .lapseReturn, step.entry.line == original?.line, let total = package.totalPoints,
                step.entry.points != total
            {
                return .originalDiffers(entry: step.entry, total: total)
            }
            if step.balance < .zero { return .negativeBalance(step: step) }
        }
        guard original != nil else { return .noOriginal }
        let end = steps.last?.balance ?? .zero
        if let stated = package.remainingPoints, stated != end { return .remainingDiffers(ledger: end, stated: stated) }
        return nil
    }
}
