/// OpenSSL's path validation with `openssl verify`'s options, on PEM bytes: what replays public
/// path-validation suites (x509-limbo) through the same verifier the bundle audit uses.
public enum PathValidator {
    /// The verdict: verified or not, OpenSSL's message, and the length of the chain it built.
    public struct Outcome: Sendable, Hashable {
        public let verified: Bool
        public let detail: String
        public let chainLength: Int
    }

    /// Verifies the first certificate of `leafPEM`, with the certificates of `untrustedPEM` (which may
    /// be empty) as untrusted intermediates.
    public static func verify(
        leafPEM: [UInt8], untrustedPEM: [UInt8], trust: TrustStore, options: VerificationOptions
    ) throws(BundleError) -> Outcome {
        let leaf = try BundleMaterial.parse(leafPEM, file: "peer").certificates
        guard let first = leaf.first else { throw BundleError(.noCertificate, file: "peer", "no certificate") }
        let untrusted =
            untrustedPEM.isEmpty ? [] : try BundleMaterial.parse(untrustedPEM, file: "untrusted").certificates
        let outcome = ChainVerifier.verify(first, untrusted: untrusted, trust: trust, options: options)
        return Outcome(verified: outcome.verified, detail: outcome.message, chainLength: outcome.chain.count)
    }
}
