import CertAuditCore

/// Makes every copy of the same certificate (by fingerprint) share one facts value, so the strings of
/// an intermediate that 100,000 bundles carry are stored once, not 100,000 times.
struct FactsInterner {
    private var seen: [String: CertificateFacts] = [:]

    mutating func intern(_ facts: CertificateFacts) -> CertificateFacts {
        if let shared = seen[facts.fingerprintSHA256] { return shared }
        seen[facts.fingerprintSHA256] = facts
        return facts
    }

    mutating func intern(_ bundle: BundleFacts) -> BundleFacts {
        var bundle = bundle
        bundle.leaf = intern(bundle.leaf)
        bundle.others = bundle.others.map { intern($0) }
        return bundle
    }
}
