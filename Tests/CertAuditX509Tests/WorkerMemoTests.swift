import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// What one ingest worker remembers across bundles besides decoded certificates — the issuer names it
/// printed, the trust anchors' fingerprints, the digest of the DER it decoded — changes nothing a
/// load says, and is really used.
struct WorkerMemoTests {
    static func leafBlock() throws -> PEMBlock {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/leaf-p256.pem")))
        return try #require(PEMBlock.scan(bytes).blocks.first)
    }

    @Test func eachIssuerNameIsPrintedOnceAndReadsAsBefore() throws {
        let cache = CertificateCache()
        for _ in 0..<3 {
            #expect(
                CertificateCacheTests.load("chain-ordered.pem", cache: cache)
                    == CertificateCacheTests.load("chain-ordered.pem", cache: nil))
        }
        // The leaf (decoded three times) and the intermediate (once, then cached) name two issuers.
        #expect(cache.issuerNames.printed == 2)
        #expect(cache.issuerNames.reused == 2)
        let facts = try Fixtures.facts("chain-ordered.pem")
        #expect(facts.leaf.issuer.contains("CN="))
    }

    @Test func theTrustAnchorsFingerprintIsComputedOncePerWorker() throws {
        let cache = CertificateCache()
        let fresh = try Fixtures.facts("chain-ordered.pem")
        #expect(fresh.chain.status == .complete && fresh.chain.length == 3)
        for _ in 0..<2 {
            #expect(
                CertificateCacheTests.load("chain-ordered.pem", cache: cache)
                    == CertificateCacheTests.load("chain-ordered.pem", cache: nil))
        }
        #expect(cache.anchors.count == 1)
        let full = AnchorFingerprints(capacity: 0)
        let rootPEM = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/trust/root.pem")))
        let rootDER = try #require(PEMBlock.scan(rootPEM).blocks.first?.standardBody())
        let root = try #require(X509Object.fromPEMBody(rootDER))
        #expect(full.fingerprint(of: root) == Hex.lowercase(root.sha256) && full.count == 0)
    }

    /// The digest taken as the cache's key is the fingerprint when OpenSSL encodes the certificate as
    /// exactly the bytes hashed; bytes after the certificate (which the decode ignores) are not.
    @Test func theFingerprintIsTheDigestOfWhatOpenSSLEncodes() throws {
        let block = try Self.leafBlock()
        let der = try #require(block.standardBody())
        let plain = try #require(X509Object.fromDER(der)).sha256
        let decoded = try BundleMaterial.certificate(block, file: "leaf-p256.pem", cache: CertificateCache())
        let known = try #require(decoded.decodedFrom)
        #expect(known.digest.bytes == plain)
        #expect(decoded.sha256 == plain)

        let padded = der + [0, 0]
        let trailing = try #require(X509Object.fromPEMBody(padded))
        trailing.decodedFrom = (padded, padded.withUnsafeBytes { DERDigest(of: $0) })
        #expect(trailing.decodedFrom?.digest.bytes != plain)
        #expect(trailing.sha256 == plain)
    }
}
