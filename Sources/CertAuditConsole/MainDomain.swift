import CertAuditCore

/// The main (registrable) domain a name falls under, as RI-ONE-PER-DOMAIN counts it:
/// `www.shop.example.com.cn` → `example.com.cn`.
///
/// Decision: without the Public Suffix List (no network, no bundled copy), the main domain is the
/// last two labels, or the last three under the common two-label public suffixes below (China's
/// `com.cn` and kin first). IP addresses and single labels have no main domain.
public enum MainDomain {
    public static let twoLabelSuffixes: Set<String> = [
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "mil.cn", "com.hk", "org.hk", "net.hk",
        "edu.hk", "gov.hk", "com.tw", "org.tw", "net.tw", "com.mo", "co.uk", "org.uk", "ac.uk", "gov.uk",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "com.au", "net.au", "org.au", "co.kr", "or.kr", "com.sg", "com.my",
        "co.nz", "com.br", "co.in", "com.mx",
    ]

    /// The main domain of `name` (a wildcard's `*.` and a trailing dot dropped); nil for an IP
    /// address, a single label or a name with an empty label.
    public static func of(_ name: String) -> String? {
        var host = name.lowercased()
        if host.hasPrefix("*.") { host.removeFirst(2) }
        if host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2, !labels.contains(where: \.isEmpty) else { return nil }
        guard !labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        if twoLabelSuffixes.contains(lastTwo) {
            return labels.count >= 3 ? labels.suffix(3).joined(separator: ".") : nil
        }
        return lastTwo
    }
}

extension Certificate {
    /// The DNS names the certificate covers: the leaf's DNS SANs and CNs, or what the inventory
    /// claims for a row without a bundle.
    public var domainNames: [String] {
        if let leaf {
            return leaf.subjectAltNames.filter { $0.kind == .dns }.map(\.value) + leaf.commonNames
        }
        return (record.claimedDomain.map { [$0] } ?? []) + (record.claimedSANs ?? [])
    }

    /// The main domains of `domainNames`, sorted, without repeats.
    public var mainDomains: [String] { Array(Set(domainNames.compactMap(MainDomain.of))).sorted() }
}
