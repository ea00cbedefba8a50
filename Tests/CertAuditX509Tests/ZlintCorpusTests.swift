import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// Every file of zlint's test data (../shared/corpus/zlint) through the bundle loader: each is read
/// or refused with a reason, none crashes. OpenSSL 3.0 itself refuses the 61 CRLs and one
/// certificate whose issuer name holds an empty RDN set (corpus README).
struct ZlintCorpusTests {
    static let folder = Fixtures.corpus("zlint")

    @Test(.enabled(if: folder != nil, "../shared/corpus/zlint is not beside this checkout"))
    func everyFileIsReadOrRefusedWithAReason() throws {
        let folder = try #require(Self.folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pem") }.sorted()
        #expect(names.count == 1_380)
        let loader = BundleLoader(bundlesDirectory: folder, trust: Fixtures.trust)
        let outcomes = parallelMap(names, workers: 4) { name in
            (name, loader.load(BundleRequest(bundle: name), asOf: Fixtures.asOf))
        }
        var refused: [String: BundleError] = [:]
        for (name, outcome) in outcomes {
            switch outcome {
            case .success(let facts): #expect(!facts.leaf.fingerprintSHA256.isEmpty)
            case .failure(let error):
                refused[name] = error
                #expect(error.message.hasPrefix(BundleError.consolePrefix))
            }
        }
        let crls = refused.values.filter { $0.message.contains("X509 CRL") }
        #expect(crls.count == 61)
        #expect(refused["subCertLocalityNameDoesNotNeedToAppear.pem"] != nil)
        #expect(refused.count == 62, "refused: \(refused.keys.sorted())")
    }
}
