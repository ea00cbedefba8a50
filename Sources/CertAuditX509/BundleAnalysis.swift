import CertAuditCore

/// Turns parsed certificates and a key into `BundleFacts`: leaf, order, key status, chain verdict.
/// Shared by the loader and `certaudit inspect`, so both always say the same.
enum BundleAnalysis {
    /// The facts of a bundle's material: a leaf read field by field (`LeafFields`) takes the verdict
    /// its worker keeps for leaves like it (`LeafVerdicts`) when there is one and no key to compare
    /// with it; else every certificate is decoded, throwing what decoding it at once would have.
    static func analyse(
        _ material: BundleMaterial, key: BundleMaterial.Key?, trust: TrustStore, asOf: Instant,
        cache: CertificateCache? = nil
    ) throws(BundleError) -> BundleFacts {
        if key == nil, let known = cache?.leafVerdicts.verdict(for: material.certificates, trust: trust, asOf: asOf) {
            return withMaterial(material, facts(of: material.certificates, known: known, anchors: cache?.anchors))
        }
        try material.decodeDeferred()
        return facts(of: material, key: key, trust: trust, asOf: asOf, cache: cache)
    }

    /// The facts of decoded material.
    static func facts(
        of material: BundleMaterial, key: BundleMaterial.Key?, trust: TrustStore, asOf: Instant,
        cache: CertificateCache? = nil
    ) -> BundleFacts {
        withMaterial(material, facts(of: material.certificates, key: key, trust: trust, asOf: asOf, cache: cache))
    }

    private static func withMaterial(_ material: BundleMaterial, _ facts: BundleFacts) -> BundleFacts {
        // Set only when there is something to set: each setting makes a new conclusions box.
        var facts = facts
        if !material.formMismatches.isEmpty { facts.formMismatches = material.formMismatches }
        if !material.unreadParts.isEmpty { facts.unreadParts = material.unreadParts }
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
        let isInChainOrder = LeafFinder.isInChainOrder(certificates, leaf: leafIndex)
        if leafIndex == 0 {
            cache?.leafVerdicts.keep(
                outcome, isInChainOrder: isInChainOrder, for: certificates, trust: trust, asOf: asOf)
        }
        let otherFacts = others.map { facts[$0] }
        return BundleFacts(
            leaf: facts[leafIndex], others: otherFacts, isInChainOrder: isInChainOrder,
            key: keyStatus(key, leaf: leaf),
            chain: verdict(
                outcome, path: pathFingerprints(outcome.chain, bundled: certificates, anchors: cache?.anchors),
                leaf: facts[leafIndex], others: otherFacts))
    }

    /// The facts of an undecoded leaf (first) and the decoded certificates after it, from the verdict
    /// kept for leaves like it: what `facts(of:key:…)` finds, without decoding the leaf (no key).
    static func facts(of certificates: [X509Object], known: LeafVerdicts.Entry, anchors: AnchorFingerprints?)
        -> BundleFacts
    {
        let facts = certificates.map(\.facts)
        let path =
            [facts[0].fingerprintSHA256]
            + pathFingerprints(known.outcome.chain, bundled: Array(certificates.dropFirst()), anchors: anchors)
        let others = Array(facts.dropFirst())
        return BundleFacts(
            leaf: facts[0], others: others, isInChainOrder: known.isInChainOrder, key: .absent,
            chain: verdict(known.outcome, path: path, leaf: facts[0], others: others))
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

    /// The verdict, with where in the bundle the certificate with the served path's earliest expiry
    /// is, and the bundled certificates off the path (`pathFingerprints`: the chain OpenSSL built,
    /// leaf first; `others`: the bundle's other certificates, in file order).
    static func verdict(
        _ outcome: ChainVerifier.Outcome, path pathFingerprints: [String], leaf: CertificateFacts,
        others: [CertificateFacts]
    ) -> ChainVerdict {
        let bundle = [leaf] + others
        let bundled = Dictionary(bundle.map { ($0.fingerprintSHA256, $0) }, uniquingKeysWith: { first, _ in first })
        var served = pathFingerprints.compactMap { bundled[$0] }
        if served.isEmpty { served = [leaf] }
        let earliest = served.min { $0.notAfter < $1.notAfter }!
        let onPath = Set(pathFingerprints)
        let unused = bundle.map(\.fingerprintSHA256).filter { $0 != leaf.fingerprintSHA256 && !onPath.contains($0) }
        let status = ChainVerifier.status(of: outcome)
        return ChainVerdict(
            status: status, length: max(1, pathFingerprints.count),
            earliestExpiringPlace: bundle.firstIndex { $0.fingerprint == earliest.fingerprint },
            detail: status == .complete ? nil : outcome.message, unusedCertificates: unused)
    }
}
