import CertAuditCore
import HeapModule

/// What the simulation still has to do, earliest first. Actions of one date run in the step order of
/// RULES.md §0 (charges and submissions, issuance, replacements, outages) and, within a step, by
/// certificate ID, so that accounts are drawn in a stated order and the result never depends on
/// the order anything was scheduled in.
struct Agenda {
    /// What to do, and to what: a renewal chain by its place (`RenewalChains.subscript(at:)`), so that
    /// acting on it looks nothing up (an ID's lookup, a cold probe of the estate's index, was a sixth
    /// of a million-certificate simulation's time); a resource by its place in `estate.resources`.
    enum Action: Hashable {
        /// An auto-renewal charge for the chain's newest generation (AR-CHARGE-DATE).
        case charge(chain: Int)
        /// Uploaded-certificate hosting submits the successor's order (UPH-AUTO-SUBMIT).
        case submit(chain: Int)
        /// The CA issues the pending successor (REV-DURATION).
        case issue(chain: Int)
        /// The hosting plan replaces generation `generation` (HOST-LEAD).
        case replace(chain: Int, generation: Int)
        /// Resource `resource` goes out, unless it moved since `version`.
        case outage(resource: Int, version: Int)
        /// A points package reaches its expiry date: what is left is lost (PTS-EXPIRY).
        case forfeit(package: String, account: String)
        /// A held transfer's code lapses: its points return to the package (PTS-TRANSFER).
        case lapse(package: String, account: String, points: Points)

        var step: Int {
            switch self {
            case .charge, .submit: TimelineEventKind.renewalCharge.sameDayOrder
            case .issue: TimelineEventKind.successorIssued.sameDayOrder
            case .replace: TimelineEventKind.hostingReplaced.sameDayOrder
            case .outage: TimelineEventKind.resourceExpired.sameDayOrder
            case .forfeit: TimelineEventKind.pointsExpired.sameDayOrder
            case .lapse: TimelineEventKind.transferLapsed.sameDayOrder
            }
        }
    }

    struct Item: Comparable {
        let date: LocalDate
        /// The certificate the action is about ("" for an account's): what orders a step's actions.
        let certificateID: String
        let sequence: Int
        let action: Action

        static func < (lhs: Item, rhs: Item) -> Bool {
            (lhs.date, lhs.action.step, lhs.certificateID, lhs.sequence)
                < (rhs.date, rhs.action.step, rhs.certificateID, rhs.sequence)
        }

        static func == (lhs: Item, rhs: Item) -> Bool { lhs.sequence == rhs.sequence }
    }

    private var heap = Heap<Item>()
    private var sequence = 0

    mutating func schedule(_ action: Action, on date: LocalDate, for certificateID: String) {
        sequence += 1
        heap.insert(Item(date: date, certificateID: certificateID, sequence: sequence, action: action))
    }

    /// The next action dated on or before `end`, if any.
    mutating func next(through end: LocalDate) -> Item? {
        guard let first = heap.min, first.date <= end else { return nil }
        return heap.popMin()
    }
}
