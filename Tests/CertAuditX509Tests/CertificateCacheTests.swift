import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// The per-worker cache of decoded CA certificates and the digests of the files a load read.
struct CertificateCacheTests {
    static let bundles = [
        "chain-ordered.pem", "chain-out-of-order.pem", "chain-with-root.pem", "chain-extra.pem", "chain-broken.pem",
        "chain-untrusted.pem", "chain-short-intermediate.pem", "chain-expired-leaf.pem", "chain.p7b",
        "leaf-rsa2048.pem", "sm2/sm2.pem", "broken-base64.pem", "garbage.pem",
    ]

    static func load(_ bundle: String, cache: CertificateCache?, digests: FileDigests? = nil) -> String {
        let result = Fixtures.loader.load(
            BundleRequest(bundle: bundle, key: nil, passwordFile: nil), asOf: Fixtures.asOf, cache: cache,
            digests: digests)
        return "\(result)"
    }

    /// Every bundle reads the same through a cache — on the first load and on the repeats that the
    /// cache serves — as without one, errors included.
    @Test func aCachedLoadSaysWhatAFreshLoadSays() {
        let cache = CertificateCache()
        for round in 0..<2 {
            for bundle in Self.bundles {
                #expect(Self.load(bundle, cache: cache) == Self.load(bundle, cache: nil), "\(bundle), round \(round)")
            }
        }
        #expect(cache.hits > 0)
    }

    /// A worker remembers the `keystorePass.txt` it did not find beside a bundle, and the next
    /// bundle of that folder reads the same without looking again; a password file that exists is
    /// never remembered as absent, and its PKCS#12 still opens with it every time.
    @Test func remembersOnlyAbsentPasswordFiles() {
        let cache = CertificateCache()
        let fresh = Self.load("chain-ordered.pem", cache: nil)
        #expect(Self.load("chain-ordered.pem", cache: cache) == fresh)
        #expect(cache.absentFiles.count == 1)  // keystorePass.txt beside it, at the top of the folder
        #expect(Self.load("chain-out-of-order.pem", cache: cache) == Self.load("chain-out-of-order.pem", cache: nil))
        #expect(cache.absentFiles.count == 1)
        for _ in 0..<2 {
            #expect(Self.load("pfx/server.pfx", cache: cache) == Self.load("pfx/server.pfx", cache: nil))
            #expect(Self.load("pfx/server.pfx", cache: cache).contains("success"))
        }
        #expect(cache.absentFiles.count == 1)
        #expect(Self.load("pfx-nopass/server.pfx", cache: cache) == Self.load("pfx-nopass/server.pfx", cache: nil))
        #expect(Self.load("pfx-nopass/server.pfx", cache: cache).contains("needs its password"))
        #expect(cache.absentFiles.count == 2)
    }

    @Test func keepsCACertificatesOnlyAndServesThemAgain() {
        let cache = CertificateCache()
        _ = Self.load("chain-ordered.pem", cache: cache)
        #expect(cache.count == 1)  // the intermediate, not the leaf
        #expect(cache.hits == 0 && cache.misses == 2)
        _ = Self.load("chain-ordered.pem", cache: cache)
        #expect(cache.count == 1)
        #expect(cache.hits == 1 && cache.misses == 3)
    }

    @Test func aFullCacheKeepsNoMore() {
        let cache = CertificateCache(capacity: 0)
        _ = Self.load("chain-ordered.pem", cache: cache)
        _ = Self.load("chain-ordered.pem", cache: cache)
        #expect(cache.count == 0 && cache.hits == 0)
    }

    @Test func digestsOfTheFilesReadAreTheFilesDigests() throws {
        let digests = FileDigests()
        let request = BundleRequest(bundle: "leaf-p256.pem", key: "leaf-p256.key", passwordFile: nil)
        _ = try Fixtures.loader.load(request, asOf: Fixtures.asOf, digests: digests).get()
        #expect(Set(digests.byPath.keys) == ["leaf-p256.pem", "leaf-p256.key"])
        for (path, digest) in digests.byPath {
            #expect(digest == (try SHA256Digest.hex(fileAt: Fixtures.folder + "/" + path)))
        }
    }

    /// The body of every block of every PEM fixture in the standard layout decodes as Foundation's
    /// base64 decoder says; a block re-wrapped at 76 columns or carrying a header is left to OpenSSL.
    @Test func standardBodiesDecodeAsBase64Does() throws {
        let names = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.folder).filter { $0.hasSuffix(".pem") }
        var decoded = 0
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/" + name)))
            for block in PEMBlock.scan(bytes).blocks {
                guard let body = block.standardBody() else { continue }
                let lines = String(decoding: block.text, as: UTF8.self).split(whereSeparator: \.isNewline)
                let base64 = lines.dropFirst().dropLast().joined()
                #expect(body == [UInt8](try #require(Data(base64Encoded: base64))), "\(name) line \(block.line)")
                decoded += 1
            }
        }
        #expect(decoded > 20)

        let leaf = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/leaf-p256.pem")))
        let block = try #require(PEMBlock.scan(leaf).blocks.first)
        let text = String(decoding: block.text, as: UTF8.self).split(whereSeparator: \.isNewline)
        let joined = text.dropFirst().dropLast().joined()
        var rewrapped = [String(text.first!)]
        var rest = Substring(joined)
        while !rest.isEmpty {
            rewrapped.append(String(rest.prefix(76)))
            rest = rest.dropFirst(76)
        }
        rewrapped.append(String(text.last!))
        let wide = try #require(PEMBlock.scan(Array((rewrapped.joined(separator: "\n") + "\n").utf8)).blocks.first)
        #expect(wide.standardBody() == nil)
        var withHeader = text.map(String.init)
        withHeader.insert(contentsOf: ["Comment: a header", ""], at: 1)
        let headed = try #require(PEMBlock.scan(Array((withHeader.joined(separator: "\n") + "\n").utf8)).blocks.first)
        #expect(headed.standardBody() == nil)
        #expect(block.standardBody() != nil)
    }
}
