import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

struct BundleLoaderTests {
    @Test(
        "every key type's facts",
        arguments: [
            ("rsa2048", PublicKeyFacts(algorithm: .rsa, bits: 2048)),
            ("rsa1024", PublicKeyFacts(algorithm: .rsa, bits: 1024)),
            ("p256", PublicKeyFacts(algorithm: .ec, bits: 256, curve: "P-256")),
            ("p384", PublicKeyFacts(algorithm: .ec, bits: 384, curve: "P-384")),
            ("p521", PublicKeyFacts(algorithm: .ec, bits: 521, curve: "P-521")),
            ("ed25519", PublicKeyFacts(algorithm: .ed25519, bits: 256)),
        ])
    func keyTypes(label: String, key: PublicKeyFacts) throws {
        let facts = try Fixtures.facts("leaf-\(label).pem", key: "leaf-\(label).key")
        #expect(facts.leaf.publicKey == key)
        #expect(facts.key == PrivateKeyStatus(present: true, matchesLeaf: true, algorithm: key.algorithm))
        #expect(facts.chain.status == .complete)
        #expect(facts.leaf.subject == "O=certaudit fixtures,CN=\(label).example.com")
        #expect(facts.leaf.dnsNames == ["\(label).example.com", "www.\(label).example.com"])
        #expect(facts.leaf.issuer == "O=certaudit fixtures,CN=Fixture Intermediate CA")
        #expect(facts.leaf.extendedKeyUsage == ["serverAuth"])
        #expect(facts.leaf.basicConstraints == BasicConstraints(isCA: false, critical: true))
        #expect(facts.leaf.notBefore.description == "2026-03-20T00:00:00Z")
        #expect(facts.leaf.notAfter.description == "2026-09-30T23:59:59Z")
        #expect(facts.leaf.fingerprintSHA256.count == 64)
        #expect(facts.leaf.subjectKeyID != nil && facts.leaf.authorityKeyID == facts.others.first?.subjectKeyID)
    }

    @Test func signatureAlgorithmsAndCAFacts() throws {
        let facts = try Fixtures.facts("leaf-rsa2048.pem")
        #expect(facts.leaf.signatureAlgorithm == "ecdsa-with-SHA256")
        let intermediate = try #require(facts.others.first)
        #expect(intermediate.signatureAlgorithm == "sha256WithRSAEncryption")
        #expect(intermediate.basicConstraints == BasicConstraints(isCA: true, pathLength: 0, critical: true))
        #expect(intermediate.keyUsage == ["digitalSignature", "keyCertSign", "cRLSign"])
    }

    @Test func sm2CertificatesAndKeys() throws {
        let facts = try Fixtures.facts("sm2/sm2.pem", key: "sm2/sm2.key")
        #expect(facts.leaf.publicKey.algorithm == .sm2)
        #expect(facts.leaf.publicKey.curve == "SM2")
        #expect(facts.leaf.signatureAlgorithm == "SM2-with-SM3")
        #expect(facts.key.matchesLeaf == true)
        #expect(facts.leaf.commonNames == ["sm2.example.com"])
    }

    @Test func everyKindOfSAN() throws {
        let sans = try Fixtures.facts("sans-every-kind.pem").leaf.subjectAltNames
        #expect(
            sans == [
                SubjectAltName(.dns, "multi.example.com"), SubjectAltName(.ip, "192.0.2.7"),
                SubjectAltName(.ip, "2001:db8::1"), SubjectAltName(.email, "ops@example.com"),
                SubjectAltName(.uri, "https://example.com/x"),
            ])
    }

    @Test func theLeafIsFoundInAnOutOfOrderChain() throws {
        let ordered = try Fixtures.facts("chain-ordered.pem")
        let reversed = try Fixtures.facts("chain-out-of-order.pem")
        #expect(ordered.isInChainOrder)
        #expect(!reversed.isInChainOrder)
        #expect(reversed.leaf == ordered.leaf)
        #expect(reversed.chain.status == .complete)
    }

    @Test func chainStatuses() throws {
        #expect(try Fixtures.facts("chain-ordered.pem").chain.status == .complete)
        #expect(try Fixtures.facts("chain-with-root.pem").chain.status == .complete)
        let incomplete = try Fixtures.facts("chain-leaf-only.pem").chain
        #expect(incomplete.status == .incomplete)
        #expect(incomplete.detail?.isEmpty == false)
        #expect(try Fixtures.facts("chain-untrusted.pem").chain.status == .untrusted)
        #expect(try Fixtures.facts("self-signed.pem").chain.status == .untrusted)
        #expect(try Fixtures.facts("chain-broken.pem").chain.status == .broken)
    }

    @Test func certificatesOffThePathAreListed() throws {
        let facts = try Fixtures.facts("chain-extra.pem")
        #expect(facts.chain.status == .complete)
        #expect(facts.chain.unusedCertificates == [facts.others[1].fingerprintSHA256])
        #expect(facts.chain.length == 3)
    }

    @Test func anIntermediateExpiringFirstSetsTheChainExpiry() throws {
        let facts = try Fixtures.facts("chain-short-intermediate.pem")
        #expect(facts.chain.status == .complete)
        #expect(facts.earliestExpiry?.description == "2026-09-01T00:00:00Z")
        #expect(facts.chain.earliestExpiringPlace == 1)
        #expect(facts.earliestExpiring == facts.others[0])
        let normal = try Fixtures.facts("chain-ordered.pem")
        #expect(normal.earliestExpiry == normal.leaf.notAfter)
        #expect(normal.chain.earliestExpiringPlace == 0 && normal.earliestExpiring == normal.leaf)
    }

    @Test func anExpiredLeafStillHasACompleteChain() throws {
        let facts = try Fixtures.facts("chain-expired-leaf.pem")
        #expect(facts.chain.status == .complete)
        #expect(facts.leaf.notAfter < Fixtures.asOf)
    }

    @Test func keyStatuses() throws {
        let leaf = "chain-ordered.pem"
        #expect(try Fixtures.facts(leaf, key: "keys/p256-pkcs8.key").key.matchesLeaf == true)
        #expect(try Fixtures.facts(leaf, key: "keys/p256-sec1.key").key.matchesLeaf == true)
        #expect(try Fixtures.facts("leaf-rsa2048.pem", key: "keys/rsa2048-pkcs1.key").key.matchesLeaf == true)
        #expect(
            try Fixtures.facts(leaf, key: "keys/mismatched.key").key
                == PrivateKeyStatus(present: true, matchesLeaf: false, algorithm: .ec))
        #expect(try Fixtures.facts(leaf).key == .absent)
        #expect(try Fixtures.facts("bundle-with-key.pem").key.matchesLeaf == true)
        for encrypted in ["keys/p256-encrypted-pkcs8.key", "keys/p256-encrypted-legacy.key"] {
            #expect(try Fixtures.facts(leaf, key: encrypted, password: "keys/password.txt").key.matchesLeaf == true)
            #expect(Fixtures.load(leaf, key: encrypted).failure?.code == .passwordRequired)
            let wrong = Fixtures.load(leaf, key: encrypted, password: "keys/wrong-password.txt").failure
            #expect(wrong?.code == .wrongPassword)
            #expect(wrong?.message.contains("password does not open") == true)
        }
        let broken = try Fixtures.facts(leaf, key: "keys/broken-base64.key").key
        #expect(broken.present && broken.matchesLeaf == nil)
        #expect(broken.problem?.contains("does not parse") == true)
        let missing = try Fixtures.facts(leaf, key: "keys/nope.key").key
        #expect(missing.problem?.contains("no such file") == true)
        let garbage = try Fixtures.facts(leaf, key: "garbage.pem").key
        #expect(garbage.problem != nil)
    }

    @Test func noKeyMaterialEverAppearsInAMessage() throws {
        let keyText = try String(contentsOfFile: Fixtures.folder + "/keys/broken-base64.key", encoding: .utf8)
        let body = keyText.split(separator: "\n")[3]
        let problem = try Fixtures.facts("chain-ordered.pem", key: "keys/broken-base64.key").key.problem ?? ""
        #expect(!problem.contains(body))
    }

    @Test func textAroundPEMBlocksAndDERAreRead() throws {
        let dump = try Fixtures.facts("with-text-dump.pem")
        let der = try Fixtures.facts("leaf.der")
        #expect(dump.leaf == der.leaf)
        #expect(dump.chain.status == .complete)
    }

    @Test(
        "unusable files are refused with the console's wording",
        arguments: [
            ("garbage.pem", BundleError.Code.noCertificate), ("empty.pem", .noCertificate),
            ("broken-base64.pem", .malformedCertificate), ("unterminated.pem", .malformedCertificate),
            ("revocation-list.pem", .noCertificate), ("keys/p256-pkcs8.key", .noCertificate),
            ("/etc/passwd", .pathNotRelative), ("../Fixtures.swift", .pathOutsideBundles),
            ("keys/../../Fixtures.swift", .pathOutsideBundles), ("nope.pem", .notFound), ("keys", .noCertificate),
        ])
    func refusals(path: String, code: BundleError.Code) throws {
        let error = try #require(Fixtures.error(path))
        #expect(error.code == code)
        #expect(error.message.hasPrefix("解析失败,请检查证书是否符合标准: \(path): "))
    }

    @Test func theCRLIsNamedAsSuch() throws {
        #expect(Fixtures.error("revocation-list.pem")?.message.contains("X509 CRL") == true)
    }

    @Test func symbolicLinksOutLoopsAndDevicesAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "certaudit-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.path + "/out.pem", withDestinationPath: "/etc/hostname")
        try manager.createSymbolicLink(atPath: folder.path + "/a.pem", withDestinationPath: folder.path + "/b.pem")
        try manager.createSymbolicLink(atPath: folder.path + "/b.pem", withDestinationPath: folder.path + "/a.pem")
        try manager.createSymbolicLink(atPath: folder.path + "/zero.pem", withDestinationPath: "/dev/zero")
        try manager.copyItem(atPath: Fixtures.folder + "/chain-ordered.pem", toPath: folder.path + "/real.pem")
        try manager.createSymbolicLink(atPath: folder.path + "/inside.pem", withDestinationPath: "real.pem")
        try Data(repeating: 0x41, count: 11 * 1024 * 1024).write(to: folder.appendingPathComponent("huge.pem"))
        let loader = BundleLoader(bundlesDirectory: folder.path, trust: Fixtures.trust)
        func code(_ path: String) -> BundleError.Code? {
            if case .failure(let error) = loader.load(BundleRequest(bundle: path), asOf: Fixtures.asOf) {
                return error.code
            }
            return nil
        }
        #expect(code("out.pem") == .pathOutsideBundles)
        #expect(code("a.pem") == .symlinkLoop)
        #expect(code("zero.pem") == .pathOutsideBundles)
        #expect(code("huge.pem") == .tooLarge)
        #expect(code("inside.pem") == nil)
        let devices = BundleLoader(bundlesDirectory: "/dev", trust: Fixtures.trust)
        if case .failure(let error) = devices.load(BundleRequest(bundle: "zero"), asOf: Fixtures.asOf) {
            #expect(error.code == .notRegularFile)
        } else {
            Issue.record("/dev/zero was read")
        }
    }

    /// The lstat walk that spares `realpath` must resolve exactly as `realpath` does, and hand every
    /// path through a symbolic link to `realpath`.
    @Test func bundlePathsResolveAsRealpathDoes() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("certaudit-resolve-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: folder + "/sub/deeper", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/sub/deeper/a.pem"))
        try manager.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: folder + "/outside", withDestinationPath: "/etc")
        let files = BundleFile(root: folder, realRoot: BundleFile.realPath(folder), limit: 1024)
        let real = try #require(BundleFile.realPath(folder))
        for plain in ["sub/deeper/a.pem", "./sub//deeper/./a.pem", "sub/deeper/", "sub"] {
            #expect(try BundleFile.plainPath(plain, under: real)?.real == BundleFile.realPath(folder + "/" + plain))
            #expect(try files.resolve(plain) == BundleFile.realPath(folder + "/" + plain))
        }
        #expect(try BundleFile.plainPath("linked/deeper/a.pem", under: real) == nil)
        #expect(
            try files.isFolder("sub/deeper") && files.isFolder("linked/deeper") && !files.isFolder("sub/deeper/a.pem"))
        #expect(try files.resolve("linked/deeper/a.pem") == real + "/sub/deeper/a.pem")
        #expect(try BundleFile.plainPath(".", under: real) == nil)
        #expect(try BundleFile.plainPath("sub/deeper/a.pem", under: real)?.type == S_IFREG)
        func code(_ relative: String) -> BundleError.Code? {
            do {
                _ = try files.resolve(relative)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code("outside/hostname") == .pathOutsideBundles)
        #expect(code(".") == .pathOutsideBundles)
        #expect(code("sub/missing.pem") == .notFound)
        #expect(code("sub/deeper/a.pem/under-a-file") == .notFound)
        #expect(code("missing/a.pem") == .notFound)
        let gone = BundleFile(root: folder + "/gone", realRoot: BundleFile.realPath(folder + "/gone"), limit: 1024)
        #expect(throws: BundleError.self) { try gone.resolve("a.pem") }
    }

    /// A bundle path is split where the file system splits it, at every `/` byte: a combining mark
    /// after a slash (`../\u{301}x`, one character to `String.split`) does not hide a `..` from the
    /// check, so a file beside the bundles folder stays out of reach.
    @Test func aCombiningMarkAfterASlashHidesNoParentStep() throws {
        let manager = FileManager.default
        let parent = manager.temporaryDirectory.appendingPathComponent("certaudit-mark-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: parent + "/bundles/sub", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: parent) }
        try Data("secret".utf8).write(to: URL(fileURLWithPath: parent + "/\u{301}secret.pem"))
        let folder = parent + "/bundles"
        let files = BundleFile(root: folder, realRoot: BundleFile.realPath(folder), limit: 1024)
        for escape in ["../\u{301}secret.pem", "sub/../../\u{301}secret.pem", "sub/..\u{301}/../x"] {
            #expect(throws: BundleError.self, "\(escape)") { try files.read(escape) }
        }
        #expect(RelativePath.components(of: "a/../\u{301}b") == ["a", "..", "\u{301}b"])
        #expect(RelativePath.components(of: "./a//b/") == [".", "a", "b"])
        #expect(RelativePath.folder(of: "a//b/c.pem") == "a/b")
        #expect(RelativePath.folder(of: "c.pem") == "")
    }

    /// A symbolic link out of the bundles folder is refused by comparing bytes: a sibling folder whose
    /// name is the bundles folder's parent spelled with a decomposed accent (`cafe\u{301}` beside
    /// `caf\u{E9}`) is another folder on the disk, though `String.hasPrefix` calls the two equal.
    @Test func aLinkToACanonicallyEqualSiblingIsOutside() throws {
        let manager = FileManager.default
        let parent = manager.temporaryDirectory.appendingPathComponent("certaudit-nfc-\(UUID().uuidString)").path
        let inside = parent + "/caf\u{E9}"
        let sibling = parent + "/cafe\u{301}"
        try manager.createDirectory(atPath: inside + "/bundles", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: parent) }
        try manager.createDirectory(atPath: sibling + "/bundles", withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: URL(fileURLWithPath: sibling + "/bundles/secret.pem"))
        try manager.createSymbolicLink(atPath: inside + "/bundles/link", withDestinationPath: sibling + "/bundles")
        let folder = inside + "/bundles"
        #expect(Array(inside.utf8) != Array(sibling.utf8))
        #expect(manager.fileExists(atPath: sibling + "/bundles/secret.pem"))
        let files = BundleFile(root: folder, realRoot: BundleFile.realPath(folder), limit: 1024)
        let error = #expect(throws: BundleError.self) { try files.read("link/secret.pem") }
        #expect(error?.code == .pathOutsideBundles)
    }

    @Test func loadingInParallelGivesTheSameFacts() throws {
        let names = [
            "chain-ordered.pem", "chain-out-of-order.pem", "leaf-rsa2048.pem", "sm2/sm2.pem", "chain-leaf-only.pem",
        ]
        let once = try names.map { try Fixtures.facts($0) }
        let many = parallelMap(Array(repeating: names, count: 40).flatMap { $0 }, workers: 8) { Fixtures.load($0) }
        #expect(many.count == 40 * names.count)
        for (index, facts) in many.enumerated() { #expect(try facts.get() == once[index % names.count]) }
    }

    @Test func digests() throws {
        #expect(
            SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let der = try Fixtures.facts("leaf.der").leaf.fingerprintSHA256
        #expect(try SHA256Digest.hex(fileAt: Fixtures.folder + "/leaf.der") == der)
    }
}

struct FileInspectorTests {
    @Test func inspectShowsEveryCertificateAndTheLeaf() {
        let inspection = FileInspector.inspect(
            path: Fixtures.folder + "/chain-out-of-order.pem", trust: Fixtures.trust, asOf: Fixtures.asOf)
        #expect(inspection.error == nil)
        #expect(inspection.certificates.count == 2)
        #expect(inspection.leafIndex == 1)
        #expect(inspection.bundle?.chain.status == .complete)
    }

    @Test func inspectExplainsWhatItCannotRead() {
        let crl = FileInspector.inspect(
            path: Fixtures.folder + "/revocation-list.pem", trust: Fixtures.trust, asOf: Fixtures.asOf)
        #expect(crl.error?.code == .noCertificate)
        #expect(crl.otherBlocks == ["X509 CRL"])
        let device = FileInspector.inspect(path: "/dev/zero", trust: Fixtures.trust, asOf: Fixtures.asOf)
        #expect(device.error?.code == .notRegularFile)
    }
}

/// The other forms users download: PKCS#7, PKCS#12 with keystorePass.txt, folders.
struct BundleFormTests {
    @Test(arguments: ["chain.p7b", "chain-der.p7b", "pfx/server.pfx", "pfx-legacy/server.pfx", "folder"])
    func everyFormGivesTheSameLeafAndChain(_ bundle: String) throws {
        let reference = try Fixtures.facts("chain-ordered.pem")
        let facts = try Fixtures.facts(bundle)
        #expect(facts.leaf == reference.leaf)
        #expect(facts.chain.status == .complete)
        #expect(facts.others.map(\.fingerprintSHA256) == reference.others.map(\.fingerprintSHA256))
    }

    @Test func pkcs12AndFoldersBringTheirKey() throws {
        #expect(try Fixtures.facts("pfx/server.pfx").key.matchesLeaf == true)
        #expect(try Fixtures.facts("pfx-legacy/server.pfx").key.matchesLeaf == true)
        #expect(try Fixtures.facts("folder").key.matchesLeaf == true)
        #expect(try Fixtures.facts("pfx-nopass/server.pfx", password: "keys/password.txt").key.matchesLeaf == true)
    }

    @Test func missingAndWrongPasswordsAreClearReasons() {
        let missing = Fixtures.load("pfx-nopass/server.pfx").failure
        #expect(missing?.code == .passwordRequired)
        #expect(missing?.message.contains("keystorePass.txt") == true)
        #expect(Fixtures.load("pfx-wrong/server.pfx").failure?.code == .wrongPassword)
        #expect(
            Fixtures.load("pfx-nopass/server.pfx", password: "keys/wrong-password.txt").failure?.code == .wrongPassword)
        #expect(Fixtures.load("pfx-nopass/server.pfx", password: "../x").failure?.code == .pathOutsideBundles)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// SM2 (国密) signing and encryption pairs, verified SM2-with-SM3 through an SM2 root.
struct SM2BundleTests {
    @Test func bothCertificatesVerifyThroughTheSM2Root() throws {
        for role in ["sign", "enc"] {
            let facts = try Fixtures.facts("sm2/\(role).pem", key: "sm2/\(role).key")
            #expect(facts.chain.status == .complete, "\(role): \(facts.chain.detail ?? "")")
            #expect(facts.leaf.signatureAlgorithm == "SM2-with-SM3")
            #expect(facts.leaf.publicKey.algorithm == .sm2)
            #expect(facts.key.matchesLeaf == true)
        }
        let signing = try Fixtures.facts("sm2/sign.pem")
        let encryption = try Fixtures.facts("sm2/enc.pem")
        #expect(signing.leaf.fingerprintSHA256 != encryption.leaf.fingerprintSHA256)
        #expect(encryption.leaf.keyUsage?.contains("keyEncipherment") == true)
    }

    @Test func oneKeyInBothSlotsMatchesOnlyItsOwnCertificate() throws {
        #expect(try Fixtures.facts("sm2/sign.pem", key: "sm2/both.key").key.matchesLeaf == true)
        #expect(try Fixtures.facts("sm2/enc.pem", key: "sm2/both.key").key.matchesLeaf == false)
    }
}

/// The console's ZIP download: the PEM form is read, the others cross-checked, hostile archives refused.
struct ConsoleArchiveTests {
    @Test func thePEMFormIsReadAndTheOthersAgree() throws {
        let facts = try Fixtures.facts("zip/console.zip")
        #expect(facts.leaf == (try Fixtures.facts("chain-ordered.pem")).leaf)
        #expect(facts.key.matchesLeaf == true)
        #expect(facts.chain.status == .complete)
        #expect(facts.formMismatches.isEmpty)
        #expect(facts.unreadParts.count == 1 && facts.unreadParts[0].contains("JKS"))
    }

    @Test func aFormWithAnotherCertificateIsReported() throws {
        let facts = try Fixtures.facts("zip/forms-differ.zip")
        #expect(facts.formMismatches.count == 2)
        #expect(facts.formMismatches.allSatisfy { $0.hasPrefix("the iis form") })
    }

    @Test func withoutAPEMFormThePFXIsRead() throws {
        let facts = try Fixtures.facts("zip/pfx-only.zip")
        #expect(facts.key.matchesLeaf == true)
        #expect(facts.chain.status == .complete)
    }

    @Test(
        "hostile archives are refused",
        arguments: [("zip/zip-slip.zip", "zip slip"), ("zip/bomb.zip", "inflates"), ("zip/many.zip", "entries")])
    func hostileArchives(path: String, fragment: String) {
        let error = Fixtures.load(path).failure
        #expect(error?.code == .unsafeArchive)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    /// The generated zip-slip archive with its `../escape.pem` entry renamed in place (both headers;
    /// the CRC does not cover names) to a name of the same length whose `/` or `\\` a combining mark
    /// (U+0301) follows: one character to a check by characters, which let each of these through.
    @Test(
        "an entry leaving its folder is refused when a combining mark follows the separator",
        arguments: ["../\u{301}cape.pem", "/\u{301}escape.pem", "..\\\u{301}cape.pem"])
    func combiningMarkAfterASeparator(name: String) throws {
        let original = Array("../escape.pem".utf8)
        let renamed = Array(name.utf8)
        try #require(renamed.count == original.count)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/zip/zip-slip.zip")))
        var replaced = 0
        var index = 0
        while index + original.count <= bytes.count {
            if bytes[index..<(index + original.count)].elementsEqual(original) {
                bytes.replaceSubrange(index..<(index + original.count), with: renamed)
                replaced += 1
            }
            index += 1
        }
        try #require(replaced == 2)
        let inspection = FileInspector.inspect(
            bytes: bytes, name: "renamed.zip", trust: Fixtures.trust, asOf: Fixtures.asOf)
        #expect(inspection.error?.code == .unsafeArchive)
        #expect(inspection.error?.message.contains("zip slip") == true, "\(inspection.error?.message ?? "none")")
    }

    @Test func inspectReadsAZipToo() throws {
        let inspection = FileInspector.inspect(
            path: Fixtures.folder + "/zip/forms-differ.zip", trust: Fixtures.trust, asOf: Fixtures.asOf)
        #expect(inspection.error == nil)
        #expect(inspection.bundle?.formMismatches.count == 2)
    }
}

/// The ZIP reader on damaged archives: every cut of the console download ends in an error or a
/// reading, never a hang or a crash (ZIPFoundation hung on a truncated deflate stream).
struct ZipReaderTests {
    @Test func everyTruncationOfAnArchiveIsRefusedCleanly() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/zip/console.zip")))
        for cut in stride(from: 0, to: bytes.count, by: 97) {
            let inspection = FileInspector.inspect(
                bytes: Array(bytes.prefix(cut)) + [0x50, 0x4B, 0x03, 0x04], name: "cut.zip", trust: Fixtures.trust,
                asOf: Fixtures.asOf)
            #expect(inspection.error != nil || !inspection.certificates.isEmpty)
        }
    }

    @Test func aDamagedDeflateStreamIsAnError() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.folder + "/zip/console.zip")))
        let reader = try ZipReader(bytes, entryLimit: 256)
        let entry = try #require(reader.entries.first { $0.method == 8 })
        let start = entry.localHeaderOffset + 30 + entry.path.utf8.count
        for index in start..<(start + min(16, entry.compressedSize)) { bytes[index] ^= 0xFF }
        let damaged = try ZipReader(bytes, entryLimit: 256)
        #expect(throws: ZipReader.Failure.self) { try damaged.contents(of: entry, limit: 1 << 20) }
        #expect(try reader.contents(of: entry, limit: 1 << 20).count == entry.uncompressedSize)
    }
}
