import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// certaudit's replay of OpenSSL 3.0's signature-and-time pass, with and without remembered
/// signatures, must say exactly what OpenSSL's own pass says: verdict, error code, message and the
/// chain built, on every x509-limbo case, with the case's options and with the bundle audit's
/// (expired and not-yet-valid certificates let through).
struct SignatureCacheTests {
    struct Verdict: Equatable {
        let verified: Bool
        let error: Int32
        let message: String
        let chain: [OpaquePointer]

        init(_ outcome: ChainVerifier.Outcome) {
            verified = outcome.verified
            error = outcome.error
            message = outcome.message
            chain = outcome.chain.map(\.pointer)
        }
    }

    @Test(.enabled(if: LimboCorpusTests.corpus != nil, "../shared/corpus/limbo is not beside this checkout"))
    func theReplayAgreesWithOpenSSLOnEveryLimboCase() throws {
        let directory = try #require(LimboCorpusTests.corpus)
        let cases = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            .filter { FileManager.default.fileExists(atPath: "\(directory)/\($0)/case.json") }
        #expect(cases.count == 200)
        let shared = SignatureCache()
        var compared = 0
        var failures = 0
        for name in cases {
            let folder = "\(directory)/\(name)/"
            func bytes(_ file: String) throws -> [UInt8] {
                [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + file)))
            }
            let limbo = try JSONDecoder().decode(LimboCorpusTests.LimboCase.self, from: Data(try bytes("case.json")))
            let trust = try TrustStore(anchorFiles: [folder + "roots.pem"], includeSystemDefaults: false)
            let leaf = try #require(try BundleMaterial.parse(try bytes("peer.pem"), file: "peer").certificates.first)
            let untrusted =
                limbo.flags.contains("-untrusted")
                ? try BundleMaterial.parse(try bytes("intermediates.pem"), file: "untrusted").certificates : []
            var auditOptions = try LimboCorpusTests.options(limbo.flags)
            auditOptions.ignoreTime = true
            for options in [try LimboCorpusTests.options(limbo.flags), auditOptions] {
                let openSSL = Verdict(ChainVerifier.verify(leaf, untrusted: untrusted, trust: trust, options: options))
                for cache in [SignatureCache(capacity: 0), shared] {
                    let replay = Verdict(
                        ChainVerifier.verify(
                            leaf, untrusted: untrusted, trust: trust, options: options, signatures: cache))
                    #expect(replay == openSSL, "\(limbo.id)")
                    compared += 1
                }
                if !openSSL.verified { failures += 1 }
            }
        }
        #expect(compared == 800)
        #expect(failures > 50)  // the corpus exercises the failing paths, not only success
        #expect(shared.hits > 0)
    }

    /// A bundle's repeated intermediate is verified once: the second load answers from the cache,
    /// and a broken leaf signature is still caught after its intermediate was cached.
    @Test func theIntermediateIsVerifiedOnceAndTheLeafEveryTime() throws {
        // Without kept leaf verdicts, which would spare the second load OpenSSL's verification whole.
        let cache = CertificateCache(leafVerdicts: 0)
        func load(_ bundle: String) throws -> BundleFacts {
            try Fixtures.loader.load(
                BundleRequest(bundle: bundle, key: nil, passwordFile: nil), asOf: Fixtures.asOf, cache: cache
            ).get()
        }
        #expect(try load("chain-ordered.pem").chain.status == .complete)
        #expect(cache.signatures.count == 1 && cache.signatures.hits == 0)
        #expect(try load("chain-ordered.pem").chain.status == .complete)
        #expect(cache.signatures.hits == 1)
        #expect(try load("chain-broken.pem") == (try Fixtures.facts("chain-broken.pem")))
        #expect(try load("chain-broken.pem").chain.status == .broken)
    }
}
