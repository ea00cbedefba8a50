import CertAuditCore

/// The certificates each alert policy watches (ALERT-POLICY), found through an index built once for
/// the estate. Asking every policy about every certificate costs policies × certificates questions —
/// 100 million at 100,000 certificates and 1,000 policies —, the index one look-up per policy.
///
/// Only the IDs and tags the policies name are indexed: an index of every ID and tag held a list for
/// each certificate, 13 MB at 100,000 certificates while the simulation ran (heaptrack), for the few
/// hundred a policy file names.
public struct AlertWatchIndex: Sendable {
    private let count: Int
    /// Certificate indices by the IDs and tags the policies name, each list ascending and without repeats.
    private let byID: [String: [Int]]
    private let byTag: [Tag: [Int]]

    /// The index for `policies`: it answers `watched(by:)` for them, and for any policy that selects
    /// nothing but the IDs and tags they name.
    public init(_ certificates: [Certificate], for policies: [AlertPolicyRecord]) {
        count = certificates.count
        var namedIDs = Set<String>()
        var namedTags = Set<Tag>()
        for policy in policies {
            switch policy.selection {
            case .all: break
            case .certificates(let ids): namedIDs.formUnion(ids)
            case .tag(let tag): namedTags.insert(tag)
            }
        }
        var byID: [String: [Int]] = [:]
        var byTag: [Tag: [Int]] = [:]
        for index in certificates.indices {
            if !namedIDs.isEmpty, namedIDs.contains(certificates[index].id) {
                byID[certificates[index].id, default: []].append(index)
            }
            guard !namedTags.isEmpty else { continue }
            for tag in certificates[index].record.tags where namedTags.contains(tag) && byTag[tag]?.last != index {
                byTag[tag, default: []].append(index)
            }
        }
        self.byID = byID
        self.byTag = byTag
    }

    /// The indices, ascending, of the certificates `policy` watches — exactly those for which
    /// `policy.watches(_:)` holds, for a policy the index was made for.
    public func watched(by policy: AlertPolicyRecord) -> [Int] {
        switch policy.selection {
        case .all: Array(0..<count)
        case .certificates(let ids): Set(ids).flatMap { byID[$0] ?? [] }.sorted()
        case .tag(let tag): byTag[tag] ?? []
        }
    }
}
