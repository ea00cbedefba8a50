import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// Replays the 200 public x509-limbo path-validation cases (../shared/corpus/limbo) through
/// `PathValidator` with the `openssl verify` flags each `case.json` names: the verdict must equal
/// the one OpenSSL 3.0 recorded, on every case.
struct LimboCorpusTests {
    static let corpus = Fixtures.corpus("limbo")

    /// The part of `case.json` this test reads.
    struct LimboCase: Decodable {
        var id: String
        var openSSLResult: String
        var flags: [String]

        enum CodingKeys: String, CodingKey {
            case id
            case openSSLResult = "openssl_3_0_result"
            case flags = "openssl_verify_flags"
        }
    }

    /// `openssl verify` flags as `VerificationOptions` (-CAfile and -untrusted name the case's files).
    static func options(_ flags: [String]) throws -> VerificationOptions {
        var options = VerificationOptions(time: nil, strict: false)
        var iterator = flags.makeIterator()
        while let flag = iterator.next() {
            switch flag {
            case "-x509_strict": options.strict = true
            case "-CAfile", "-untrusted": _ = iterator.next()
            case "-verify_hostname": options.hostName = iterator.next()
            case "-verify_ip": options.ipAddress = iterator.next()
            case "-attime":
                options.time = Instant(secondsSinceEpoch: try #require(iterator.next().flatMap { Int64($0) }))
            case "-verify_depth":
                let depth: Int = try #require(iterator.next().flatMap { Int($0) })
                options.maxDepth = depth
            case "-purpose":
                let purpose: VerificationOptions.Purpose = try #require(
                    iterator.next().flatMap { VerificationOptions.Purpose(rawValue: $0) })
                options.purpose = purpose
            default: Issue.record("unknown flag \(flag)")
            }
        }
        return options
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpus/limbo is not beside this checkout"))
    func everyCaseAgreesWithOpenSSL30() throws {
        let directory = try #require(Self.corpus)
        let cases = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            .filter { FileManager.default.fileExists(atPath: "\(directory)/\($0)/case.json") }
        #expect(cases.count == 200)
        var disagreements: [String] = []
        for name in cases {
            let folder = "\(directory)/\(name)/"
            func bytes(_ file: String) throws -> [UInt8] {
                [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + file)))
            }
            let limbo = try JSONDecoder().decode(LimboCase.self, from: Data(try bytes("case.json")))
            let trust = try TrustStore(anchorFiles: [folder + "roots.pem"], includeSystemDefaults: false)
            let outcome = try PathValidator.verify(
                leafPEM: try bytes("peer.pem"),
                untrustedPEM: limbo.flags.contains("-untrusted") ? try bytes("intermediates.pem") : [], trust: trust,
                options: try Self.options(limbo.flags))
            let verdict = outcome.verified ? "SUCCESS" : "FAILURE"
            if verdict != limbo.openSSLResult { disagreements.append("\(limbo.id): \(verdict) (\(outcome.detail))") }
        }
        #expect(disagreements == [])
    }
}
