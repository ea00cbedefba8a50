import CertAuditCore

/// Turns parsed certificates and a key into `BundleFacts`: leaf, order, key status, chain verdict.
/// Shared by the loader and `certaudit inspect`, so both always say the same.
enum BundleAnalysis {
    static func facts(
        of material: BundleMaterial, key: BundleMaterial.Key?, trust: TrustStore, asOf: Instant,
        cache: CertificateCache? = nil
    ) -> BundleFacts {
        var facts = facts(of: material.certificates, key: key, trust: trust, asOf: asOf, cache: cache)
        facts.formMismatches = material.formMismatches
        facts.unreadParts = material.unreadParts
        return facts
    }

    static func facts(
        of certificates: [X509Object], key: BundleMaterial.Key?, trust: TrustStore, asOf: Instant,
        cache: CertificateCache? = nil
    ) -> BundleFacts {
        let facts = certificates.map(\.facts)
        let leafIndex = LeafFinder.leafIndex(certificates, isCA: facts.map(\.isCA))
        let leaf = certificates[leafIndex]
        let others = certificates.indices.filter { $0 != leafIndex }
        let outcome = ChainVerifier.verify(
            leaf, untrusted: others.map { certificates[$0] }, trust: trust,
            options: VerificationOptions(time: asOf, strict: true, ignoreTime: true), signatures: cache?.signatures)
        return BundleFacts(
            leaf: facts[leafIndex], others: others.map { facts[$0] },
            isInChainOrder: LeafFinder.isInChainOrder(certificates, leaf: leafIndex),
            key: keyStatus(key, leaf: leaf),
            chain: verdict(
                outcome, path: pathFingerprints(outcome.chain, bundled: certificates, anchors: cache?.anchors),
                bundle: facts,
                leaf: facts[leafIndex]))
    }

    static func keyStatus(_ key: BundleMaterial.Key?, leaf: X509Object) -> PrivateKeyStatus {
        switch key {
        case nil: return .absent
        case .encrypted: return PrivateKeyStatus(present: true, encrypted: true)
        case .unreadable(let problem), .wrongPassword(let problem):
            return PrivateKeyStatus(present: true, problem: problem)
        case .key(let key):
            return PrivateKeyStatus(present: true, matchesLeaf: key.matches(leaf), algorithm: key.algorithm)
        }
    }

    /// The fingerprints of the path OpenSSL built: a bundled certificate's from its facts (the path
    /// holds the very objects the bundle gave it), a trust anchor's computed (once per worker, with
    /// `anchors`).
    static func pathFingerprints(_ chain: [X509Object], bundled: [X509Object], anchors: AnchorFingerprints? = nil)
        -> [String]
    {
        chain.map { link in
            bundled.first { $0.pointer == link.pointer }?.facts.fingerprintSHA256
                ?? anchors?.fingerprint(of: link) ?? Hex.lowercase(link.sha256)
        }
    }

    /// The verdict, with the served path's earliest expiry and the bundled certificates off the path.
    static func verdict(
        _ outcome: ChainVerifier.Outcome, path pathFingerprints: [String], bundle: [CertificateFacts],
        leaf: CertificateFacts
    ) -> ChainVerdict {
        let bundled = Dictionary(bundle.map { ($0.fingerprintSHA256, $0) }, uniquingKeysWith: { first, _ in first })
        var served = pathFingerprints.compactMap { bundled[$0] }
        if served.isEmpty { served = [leaf] }
        let earliest = served.min { $0.notAfter < $1.notAfter }!
        let onPath = Set(pathFingerprints)
        let unused = bundle.map(\.fingerprintSHA256).filter { $0 != leaf.fingerprintSHA256 && !onPath.contains($0) }
        let status = ChainVerifier.status(of: outcome)
        return ChainVerdict(
            status: status, length: max(1, outcome.chain.count), earliestExpiry: earliest.notAfter,
            earliestExpiringFingerprint: earliest.fingerprintSHA256,
            detail: status == .complete ? nil : outcome.message, unusedCertificates: unused)
    }
}
