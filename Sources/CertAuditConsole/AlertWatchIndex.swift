import CertAuditCore

/// The certificates each alert policy watches (ALERT-POLICY), found through an index built once for
/// the estate. Asking every policy about every certificate costs policies × certificates questions —
/// 100 million at 100,000 certificates and 1,000 policies —, the index one look-up per policy.
public struct AlertWatchIndex: Sendable {
    private let count: Int
    /// Certificate indices by ID and by tag, each list ascending and without repeats.
    private let byID: [String: [Int]]
    private let byTag: [Tag: [Int]]

    public init(_ certificates: [Certificate]) {
        count = certificates.count
        var byID: [String: [Int]] = [:]
        var byTag: [Tag: [Int]] = [:]
        for index in certificates.indices {
            byID[certificates[index].id, default: []].append(index)
            for tag in certificates[index].record.tags where byTag[tag]?.last != index {
                byTag[tag, default: []].append(index)
            }
        }
        self.byID = byID
        self.byTag = byTag
    }

    /// The indices, ascending, of the certificates `policy` watches — exactly those for which
    /// `policy.watches(_:)` holds.
    public func watched(by policy: AlertPolicyRecord) -> [Int] {
        switch policy.selection {
        case .all: Array(0..<count)
        case .certificates(let ids): Set(ids).flatMap { byID[$0] ?? [] }.sorted()
        case .tag(let tag): byTag[tag] ?? []
        }
    }
}
