import CertAuditConsole
import CertAuditCore

/// What earlier allowed operations did, as later ones see it: the console state of each certificate
/// they changed (a reissue under review, a revocation requested, messages or auto-renewal switched,
/// a deletion), and which certificates are being reissued under each main domain
/// (RI-ONE-PER-DOMAIN). Built up by `OperationJudge` in request order, through the console's own
/// transitions; the inventory's own reissues (`reissuing` certificates, `reissue_of` links) are part
/// of it from the start, indexed once so that no request scans the estate.
public struct OperationHistory: Sendable {
    /// One reissue under review: requested on `review.start`, issued at the end of `review.end`.
    public struct Reissue: Sendable, Hashable {
        public var certificateID: String
        public var review: ReviewPeriod
        public var line: Int
    }

    /// Certificates the inventory shows as `reissuing`, by main domain.
    let reissuingInInventory: [String: [String]]
    /// The inventory's reissues (`reissue_of`) of each original, in input order.
    let reissuesInInventory: [String: [String]]
    /// The console state of each certificate an earlier allowed request changed, by ID.
    public private(set) var states: [String: CertificateConsoleState] = [:]
    /// Certificate ID → the `operations.csv` line of its last allowed reissue.
    private var reissueLines: [String: Int] = [:]
    /// Main domain → certificates with an allowed reissue under it.
    private var reissuedUnder: [String: Set<String>] = [:]
    /// Deleted certificate ID → the `operations.csv` line that deleted it.
    public private(set) var deleted: [String: Int] = [:]

    init(estate: Estate) {
        var byDomain: [String: [String]] = [:]
        var byOriginal: [String: [String]] = [:]
        // By place, each row read in place: iterated, every certificate was copied to read two fields.
        let certificates = estate.certificates
        for index in certificates.indices {
            if certificates[index].record.status == .reissuing {
                let certificate = certificates[index]
                for domain in certificate.mainDomains { byDomain[domain, default: []].append(certificate.id) }
            }
            if let original = certificates[index].record.reissueOf {
                byOriginal[original, default: []].append(certificates[index].id)
            }
        }
        reissuingInInventory = byDomain
        reissuesInInventory = byOriginal
    }

    /// The console state of `certificate` (as the inventory lists it) after the earlier allowed
    /// requests: the inventory's until one of them changed it.
    public func state(of certificate: Certificate) -> CertificateConsoleState {
        states[certificate.id] ?? CertificateConsoleState(certificate)
    }

    /// The certificates the inventory lists as reissues of `original`.
    public func reissues(of original: String) -> [String] { reissuesInInventory[original] ?? [] }

    /// The allowed reissue of `certificateID` still under review on `date`, if any.
    public func reissue(of certificateID: String, on date: LocalDate) -> Reissue? {
        guard let review = states[certificateID]?.reissue, review.covers(date), let line = reissueLines[certificateID]
        else { return nil }
        return Reissue(certificateID: certificateID, review: review, line: line)
    }

    /// Other certificates under `mainDomain` being reissued on `date`, sorted.
    public func reissuing(under mainDomain: String, on date: LocalDate, excluding certificateID: String) -> [String] {
        var ids = Set(reissuingInInventory[mainDomain] ?? [])
        for id in reissuedUnder[mainDomain] ?? [] where states[id]?.isUnderReissue(on: date) == true { ids.insert(id) }
        ids.remove(certificateID)
        return ids.sorted()
    }

    /// What an allowed request (`operations.csv` line `line`, at `instant`) did to `certificate`
    /// (as the inventory lists it): `event`, applied to its console state.
    mutating func record(_ event: CertificateEvent, on certificate: Certificate, at instant: Instant, line: Int) {
        states[certificate.id] = state(of: certificate).applying(event, at: instant)
        switch event {
        case .reissueRequested:
            reissueLines[certificate.id] = line
            for domain in certificate.mainDomains { reissuedUnder[domain, default: []].insert(certificate.id) }
        case .deleted:
            deleted[certificate.id] = line
        default:
            break
        }
    }
}
