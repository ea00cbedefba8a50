import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// A leaf read field by field (`LeafFields`) and given a kept verdict (`LeafVerdicts`) must come out
/// exactly as OpenSSL's decoding and verification of it would: held here to OpenSSL on every
/// certificate of the corpus and the fixtures.
struct LeafVerdictTests {
    /// Every PEM certificate of a folder (recursively), as DER.
    static func certificates(under folder: String) -> [(name: String, der: [UInt8])] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [(String, [UInt8])] = []
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".pem"), let data = FileManager.default.contents(atPath: folder + "/" + name) else {
                continue
            }
            for (index, block) in PEMBlock.scan([UInt8](data)).blocks.enumerated() where block.label == "CERTIFICATE" {
                if let der = block.standardBody() { found.append(("\(name)#\(index)", der)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    static var everyCertificate: [(name: String, der: [UInt8])] {
        [Fixtures.corpus("zlint"), Fixtures.corpus("limbo"), Fixtures.folder].compactMap { $0 }
            .flatMap { certificates(under: $0) }
    }

    /// Read field by field, a certificate has the facts OpenSSL's decoding gives it — names, serial,
    /// times, key, extensions, fingerprint — and OpenSSL decodes every certificate read so.
    @Test func fieldByFieldFactsAreOpenSSLsOnEveryCertificate() throws {
        let keys = PublicKeyInfoReader()
        var read = 0
        var left = 0
        for (name, der) in Self.everyCertificate {
            guard let fields = LeafFields(der, keys: keys) else {
                left += 1
                continue
            }
            read += 1
            let decoded = try #require(X509Object.fromDER(der), "\(name): read field by field, refused by OpenSSL")
            let digest = der.withUnsafeBytes { DERDigest(of: $0) }
            let facts = CertificateFactsReader.facts(of: fields, fingerprint: digest.bytes, issuerNames: nil)
            #expect(facts == decoded.facts, "\(name)")
        }
        // The corpus has both: plain leaves, and CA certificates, odd keys and broken extensions.
        #expect(read > 900, "read field by field: \(read), decoded whole: \(left)")
        #expect(left > 300)
    }

    /// Every zlint certificate through one worker's cache (kept verdicts shared by the leaves of its
    /// few issuers) gives what each gives loaded alone.
    @Test(.enabled(if: Fixtures.corpus("zlint") != nil, "../shared/corpus/zlint is not beside this checkout"))
    func keptVerdictsChangeNothingOnTheZlintCorpus() throws {
        let folder = try #require(Fixtures.corpus("zlint"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pem") }.sorted()
        let loader = BundleLoader(bundlesDirectory: folder, trust: Fixtures.trust)
        let cache = CertificateCache()
        for name in names {
            let request = BundleRequest(bundle: name)
            let shared = loader.load(request, asOf: Fixtures.asOf, cache: cache)
            let alone = loader.load(request, asOf: Fixtures.asOf)
            #expect(String(describing: shared) == String(describing: alone), "\(name)")
        }
        #expect(cache.leafVerdicts.hits > 300)
    }

    /// Each x509-limbo case as a bundle (its peer, then its intermediates) with its own roots: loaded
    /// again through the cache that kept its verdict, it is what it was, failures included.
    @Test(.enabled(if: Fixtures.corpus("limbo") != nil, "../shared/corpus/limbo is not beside this checkout"))
    func keptVerdictsChangeNothingOnTheLimboCases() throws {
        let folder = try #require(Fixtures.corpus("limbo"))
        let cases = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var hits = 0
        for name in cases {
            let path = folder + "/" + name
            guard let peer = FileManager.default.contents(atPath: path + "/peer.pem") else { continue }
            let intermediates = FileManager.default.contents(atPath: path + "/intermediates.pem") ?? Data()
            let trust = try TrustStore(anchorFiles: [path + "/roots.pem"], includeSystemDefaults: false)
            let bundle = [UInt8](peer) + [UInt8](intermediates)
            let alone = FileInspector.inspect(bytes: bundle, name: name, trust: trust, asOf: Fixtures.asOf)
            let cache = CertificateCache()
            for _ in 0..<2 {
                let cached = FileInspector.inspect(
                    bytes: bundle, name: name, trust: trust, asOf: Fixtures.asOf, cache: cache)
                #expect(cached == alone, "\(name)")
            }
            hits += cache.leafVerdicts.hits
        }
        #expect(hits > 50)
    }

    /// Every fixture bundle through one worker's cache, in name order (an expired leaf after the valid
    /// one under the same intermediate, a leaf alone, with its root, out of order, with a key, …),
    /// gives what it gives loaded alone.
    @Test func keptVerdictsChangeNothingOnTheFixtures() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder)
            .filter { $0.hasSuffix(".pem") || $0.hasSuffix(".der") || $0.hasSuffix(".p7b") }.sorted()
        let cache = CertificateCache()
        for name in names + names {
            let request = BundleRequest(bundle: name)
            let shared = Fixtures.loader.load(request, asOf: Fixtures.asOf, cache: cache)
            #expect(String(describing: shared) == String(describing: Fixtures.load(name)), "\(name)")
        }
        #expect(cache.leafVerdicts.hits >= names.count / 3)
    }

    /// Leaves under one intermediate that differ from a base leaf in one part each
    /// (scripts/make_profile_fixtures.py): one that differs only where OpenSSL's verification does
    /// not look (key, serial, subject, names, dates — it expired) takes the base's kept verdict;
    /// one with another key usage or authority key identifier, which OpenSSL judges otherwise, does
    /// not, and gets OpenSSL's own verdict.
    @Test func onlyALeafThatDiffersWhereOpenSSLDoesNotLookTakesTheKeptVerdict() throws {
        let folder = Fixtures.folder + "/profiles"
        let trust = try TrustStore(anchorFiles: [folder + "/root.pem"], includeSystemDefaults: false)
        let loader = BundleLoader(bundlesDirectory: folder, trust: trust)
        func fresh(_ name: String) throws -> BundleFacts {
            try loader.load(BundleRequest(bundle: name), asOf: Fixtures.asOf).get()
        }
        let cache = CertificateCache()
        func cached(_ name: String) throws -> BundleFacts {
            try loader.load(BundleRequest(bundle: name), asOf: Fixtures.asOf, cache: cache).get()
        }
        #expect(try cached("base.pem") == fresh("base.pem"))
        #expect(try fresh("base.pem").chain.status == .complete && cache.leafVerdicts.count == 1)
        #expect(try cached("masked.pem") == fresh("masked.pem"))
        #expect(cache.leafVerdicts.hits == 1)
        for variant in ["key-usage-cert-sign.pem", "authority-key-other.pem"] {
            #expect(try fresh(variant).chain.status != .complete, "\(variant)")
            #expect(try cached(variant) == fresh(variant), "\(variant)")
        }
        #expect(cache.leafVerdicts.hits == 1)
        // A CRL distribution point named relative to its issuer is completed by OpenSSL's extension
        // cache: such a leaf is not read field by field at all.
        let keys = PublicKeyInfoReader()
        func leafDER(_ name: String) throws -> [UInt8] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            return try #require(PEMBlock.scan(bytes).blocks.first?.standardBody())
        }
        #expect(LeafFields(try leafDER("base.pem"), keys: keys) != nil)
        #expect(LeafFields(try leafDER("crl-relative-name.pem"), keys: keys) == nil)
        #expect(try cached("crl-relative-name.pem") == fresh("crl-relative-name.pem"))
    }

    /// A time `X509_cmp_time` would call malformed (a letter among its digits, a UTCTime without
    /// seconds) is reported by OpenSSL's verification, not accepted with the expiry errors: a leaf
    /// holding one is never read field by field.
    @Test func aLeafWithATimeOpenSSLCannotCompareIsDecodedWhole() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/profiles/base.pem")))
        let der = try #require(PEMBlock.scan(bytes).blocks.first?.standardBody())
        let keys = PublicKeyInfoReader()
        #expect(LeafFields(der, keys: keys) != nil)
        let notAfter = try #require(CertificateDER(der)).notAfter
        var lettered = der
        lettered[notAfter.contents.lowerBound + 2] = UInt8(ascii: "A")
        #expect(LeafFields(lettered, keys: keys) == nil)
    }

    /// OpenSSL keeps a TBSCertificate's bytes but encodes the signature algorithm after it anew, and
    /// hashes that for the fingerprint: parameters it would write otherwise (an empty constructed
    /// OCTET STRING where NULL belongs, as a fuzz input had) send the certificate to OpenSSL whole,
    /// so that its fingerprint is the same read from a cache or not.
    @Test func anOuterAlgorithmOpenSSLWouldEncodeAnewIsDecodedWhole() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/intermediate.pem")))
        let der = try #require(PEMBlock.scan(bytes).blocks.first?.standardBody())
        let outer = try #require(CertificateDER(der)).outerAlgorithm
        #expect(der[outer.contents.suffix(2)] == [0x05, 0x00][...])
        var odd = der
        odd[outer.contents.upperBound - 2] = 0x24
        #expect(CertificateDER(odd) == nil)
        let decoded = try #require(X509Object.fromDER(odd), "OpenSSL reads it")
        #expect(!decoded.encodes(as: odd), "OpenSSL writes it otherwise")
    }

    /// A leaf like one whose verdict is kept but whose signature does not verify is verified by
    /// OpenSSL, which finds it broken.
    @Test func aLeafWhoseSignatureFailsIsVerifiedAnew() throws {
        let bundle = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/chain-ordered.pem")))
        let blocks = PEMBlock.scan(bundle).blocks
        var leaf = try #require(blocks.first?.standardBody())
        let intermediate = try #require(blocks.last?.standardBody())
        leaf[leaf.count - 1] ^= 0x01  // the signature's last byte: still DER, no longer the issuer's signature
        let tampered = Array((Self.pem(leaf) + Self.pem(intermediate)).utf8)
        let cache = CertificateCache()
        let original = FileInspector.inspect(
            bytes: bundle, name: "b.pem", trust: Fixtures.trust, asOf: Fixtures.asOf, cache: cache)
        #expect(original.bundle?.chain.status == .complete && cache.leafVerdicts.count == 1)
        let cached = FileInspector.inspect(
            bytes: tampered, name: "b.pem", trust: Fixtures.trust, asOf: Fixtures.asOf, cache: cache)
        #expect(cache.leafVerdicts.hits == 0)
        #expect(
            cached == FileInspector.inspect(bytes: tampered, name: "b.pem", trust: Fixtures.trust, asOf: Fixtures.asOf))
        #expect(cached.bundle?.chain.status == .broken)
    }

    /// DER as a PEM certificate block, 64 characters a line.
    static func pem(_ der: [UInt8]) -> String {
        let text = Data(der).base64EncodedString()
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 64, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
    }

    /// A verdict is kept per trust store and time: another store, or another time, is verified anew.
    @Test func aVerdictIsKeptForItsTrustStoreAndTime() throws {
        let cache = CertificateCache()
        let request = BundleRequest(bundle: "chain-ordered.pem")
        let other = try TrustStore(anchorFiles: [Fixtures.folder + "/trust/sm2-root.pem"], includeSystemDefaults: false)
        let later = Fixtures.asOf + 86_400
        _ = Fixtures.loader.load(request, asOf: Fixtures.asOf, cache: cache)
        let elsewhere = BundleLoader(bundlesDirectory: Fixtures.folder, trust: other)
        #expect(
            try elsewhere.load(request, asOf: Fixtures.asOf, cache: cache).get()
                == elsewhere.load(request, asOf: Fixtures.asOf).get())
        #expect(try elsewhere.load(request, asOf: Fixtures.asOf).get().chain.status != .complete)
        _ = Fixtures.loader.load(request, asOf: later, cache: cache)
        #expect(cache.leafVerdicts.hits == 0)
        _ = Fixtures.loader.load(request, asOf: Fixtures.asOf, cache: cache)
        #expect(cache.leafVerdicts.hits == 1)
    }
}
