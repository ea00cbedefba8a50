import CertAuditCore
import CertAuditX509
import Foundation

/// An inputs folder without certificates.csv, read as a plain folder of certificate files (an
/// `/etc/ssl`, an nginx `conf.d`): every file under it, recursively, in path order, becomes one
/// certificate row whose ID is its path and whose other inventory columns are empty.
///
/// Decisions: hidden files and folders, symbolic links, `trust/` (the anchors, as for an inventory),
/// `certaudit.toml` and `keystorePass.txt` (read beside a PKCS#12 by the bundle loader) are not
/// audited. A file that holds no certificate but a private key is matched to the certificate of its
/// folder whose public key it fits; a key that fits none, and a file that cannot be read as a
/// certificate at all, are quarantined with the loader's reason. A leaf that is a CA certificate is
/// taken as type CA, anything else as a server certificate.
struct CertificateFolder {
    let options: IngestOptions

    /// Names never audited as certificate files.
    static let skippedNames: Set<String> = ["keystorePass.txt", "certaudit.toml"]

    /// What one file turned out to be.
    private enum Reading: Sendable {
        case certificate(BundleFacts)
        case key
        case unreadable(String)
    }

    func estate() throws(IngestError) -> Estate {
        let root = options.inputsDirectory
        let anchors = try EstateLoader.trustAnchors(in: EstateLoader.path(root, EstateLoader.trustFolder))
        let trust: TrustStore
        do {
            trust = try TrustStore(anchorFiles: anchors.map(\.path), includeSystemDefaults: options.useSystemTrustStore)
        } catch {
            throw IngestError("\(EstateLoader.path(root, EstateLoader.trustFolder)): \(error.message)")
        }
        let loader = BundleLoader(bundlesDirectory: root, trust: trust, sizeLimit: options.bundleSizeLimit)
        let files = Self.files(under: root)
        let asOf = options.asOf
        let readings = parallelMap(files, workers: options.jobs) { path -> Reading in
            switch loader.load(BundleRequest(bundle: path), asOf: asOf) {
            case .success(let facts): return .certificate(facts)
            case .failure(let error):
                return error.code == .noCertificate && Self.holdsPrivateKey(EstateLoader.path(root, path))
                    ? .key : .unreadable(error.message)
            }
        }
        guard readings.contains(where: { if case .certificate = $0 { true } else { false } }) else {
            throw IngestError(
                "\(EstateLoader.path(root, EstateLoader.certificatesFile)): required input is missing, and no "
                    + "certificate file was found under \(root) to audit as a plain folder")
        }

        let keysByFolder = Dictionary(
            grouping: zip(files, readings).compactMap { path, reading -> String? in
                if case .key = reading { path } else { nil }
            }, by: RelativePath.folder(of:))
        var certificates: [Certificate] = []
        var quarantine: [QuarantineRecord] = []
        var matchedKeys: Set<String> = []
        /// Encrypted keys no password opened: they cannot be matched, and the quarantine says why.
        var lockedKeys: Set<String> = []
        var digestLines: [String] = []
        var interner = EstateInterner()
        for (index, (path, reading)) in zip(files, readings).enumerated() {
            switch reading {
            case .certificate(var facts):
                var record = CertificateRecord(
                    line: index + 1, id: path, source: .uploaded, kind: facts.leaf.isCA ? .ca : .server)
                record.bundle = path
                if !facts.key.present {
                    keys: for key in keysByFolder[RelativePath.folder(of: path)] ?? [] {
                        switch loader.load(BundleRequest(bundle: path, key: key), asOf: asOf) {
                        case .success(let withKey) where withKey.key.matchesLeaf == true:
                            record.key = key
                            facts = withKey
                            matchedKeys.insert(key)
                            break keys
                        case .failure(let error) where error.code == .passwordRequired:
                            lockedKeys.insert(key)
                        default:
                            break
                        }
                    }
                }
                certificates.append(interner.intern(Certificate(record: record, bundle: facts)))
                digestLines.append(Self.digestLine(root, path))
            case .key:
                continue
            case .unreadable(let reason):
                quarantine.append(QuarantineRecord(input: path, line: 1, reason: reason, ruleID: .upPemFormat))
            }
        }
        for (path, reading) in zip(files, readings) {
            guard case .key = reading else { continue }
            if matchedKeys.contains(path) {
                digestLines.append(Self.digestLine(root, path))
            } else {
                let reason =
                    lockedKeys.contains(path)
                    ? "an encrypted private key with no password beside it (keystorePass.txt): it could not be "
                        + "matched to a certificate, and was not audited"
                    : "a private key that fits no certificate in its folder; it was not audited"
                quarantine.append(QuarantineRecord(input: path, line: 1, reason: reason))
            }
        }
        let summary = InputSummary(
            name: "./", sha256: SHA256Digest.hex(Array(digestLines.sorted().joined().utf8)), rows: files.count,
            accepted: files.count - quarantine.count, quarantined: quarantine.count,
            notes: [
                "no certificates.csv: a plain folder of certificate files. Every file under it was read "
                    + "(hidden files, symbolic links, trust/, certaudit.toml and keystorePass.txt excepted): one "
                    + "certificate per file, its ID its path, the inventory's other columns empty; keys beside a "
                    + "certificate matched to it by public key. Only the rules that need no inventory were applied; "
                    + "the digest covers each file audited (path and SHA-256)."
            ])
        return Estate(
            certificates: certificates, quarantine: quarantine, inputs: [summary] + anchors.map(\.summary),
            origin: .certificateFolder)
    }

    /// Every regular file under `root`, relative to it, sorted by path (byte order).
    static func files(under root: String) -> [String] {
        let fileManager = FileManager()
        var found: [String] = []
        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? root : EstateLoader.path(root, relative)
            guard let names = try? fileManager.contentsOfDirectory(atPath: absolute) else { return }
            for name in names where !name.hasPrefix(".") && !skippedNames.contains(name) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if relative.isEmpty && name == EstateLoader.trustFolder { continue }
                guard let attributes = try? fileManager.attributesOfItem(atPath: EstateLoader.path(root, child)),
                    let type = attributes[.type] as? FileAttributeType
                else { continue }
                if type == .typeDirectory {
                    walk(child)
                } else if type == .typeRegular {
                    found.append(child)
                }
            }
        }
        walk("")
        return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Whether a file that holds no certificate is a PEM private key (its own kind of file, not an
    /// unreadable one).
    static func holdsPrivateKey(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("PRIVATE KEY-----")
    }

    /// `path sha256\n`, as the bundles/ line of an inventory's manifest has it.
    static func digestLine(_ root: String, _ path: String) -> String {
        "\(path) \((try? SHA256Digest.hex(fileAt: EstateLoader.path(root, path))) ?? "unreadable")\n"
    }
}
