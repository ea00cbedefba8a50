import CertAuditCore

/// What earlier allowed operations did, as later ones see it: reissues under review (RI-IN-PROGRESS,
/// RI-ONE-PER-DOMAIN, RI-FREE-ONCE) and certificates deleted. Built up by `OperationJudge` in
/// request order; the inventory's own reissues (`reissuing` certificates, `reissue_of` links) are
/// part of it from the start, indexed once so that no request scans the estate.
public struct OperationHistory: Sendable {
    /// One reissue under review: requested on `start`, issued at the end of `end` (REV-DURATION).
    public struct Reissue: Sendable, Hashable {
        public var certificateID: String
        public var start: LocalDate
        public var end: LocalDate
        public var line: Int
        /// The main domains it covers (RI-ONE-PER-DOMAIN).
        public var mainDomains: [String]
    }

    /// Certificates the inventory shows as `reissuing`, by main domain.
    let reissuingInInventory: [String: [String]]
    /// The inventory's reissues (`reissue_of`) of each original, in input order.
    let reissuesInInventory: [String: [String]]
    public private(set) var reissues: [Reissue] = []
    /// Deleted certificate ID → the `operations.csv` line that deleted it.
    public private(set) var deleted: [String: Int] = [:]

    init(estate: Estate) {
        var byDomain: [String: [String]] = [:]
        var byOriginal: [String: [String]] = [:]
        for certificate in estate.certificates {
            if certificate.record.status == .reissuing {
                for domain in certificate.mainDomains { byDomain[domain, default: []].append(certificate.id) }
            }
            if let original = certificate.record.reissueOf { byOriginal[original, default: []].append(certificate.id) }
        }
        reissuingInInventory = byDomain
        reissuesInInventory = byOriginal
    }

    /// The certificates the inventory lists as reissues of `original`.
    public func reissues(of original: String) -> [String] { reissuesInInventory[original] ?? [] }

    /// The allowed reissue of `certificateID` still under review on `date`, if any.
    public func reissue(of certificateID: String, on date: LocalDate) -> Reissue? {
        reissues.first { $0.certificateID == certificateID && $0.start <= date && date <= $0.end }
    }

    /// Allowed reissues of a certificate requested before.
    public func reissueCount(of certificateID: String) -> Int {
        reissues.filter { $0.certificateID == certificateID }.count
    }

    /// Other certificates under `mainDomain` being reissued on `date`, sorted.
    public func reissuing(under mainDomain: String, on date: LocalDate, excluding certificateID: String) -> [String] {
        var ids = Set(reissuingInInventory[mainDomain] ?? [])
        for reissue in reissues where reissue.start <= date && date <= reissue.end {
            if reissue.mainDomains.contains(mainDomain) { ids.insert(reissue.certificateID) }
        }
        ids.remove(certificateID)
        return ids.sorted()
    }

    mutating func record(_ reissue: Reissue) { reissues.append(reissue) }
    mutating func recordDeletion(of certificateID: String, line: Int) { deleted[certificateID] = line }
}
