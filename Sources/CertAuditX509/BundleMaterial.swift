internal import COpenSSL
import CertAuditCore
import CertAuditShims

/// The certificates and the private key found in one file's bytes.
struct BundleMaterial {
    /// What the file said about a private key.
    enum Key {
        case key(PrivateKeyObject)
        /// Encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY` or legacy `Proc-Type: 4,ENCRYPTED`) and no
        /// password was given.
        case encrypted
        /// A key block that does not parse.
        case unreadable(String)
        /// A password was given and does not open the encrypted key.
        case wrongPassword(String)
    }

    var certificates: [X509Object] = []
    var key: Key?
    /// Labels of blocks that are neither certificates nor keys (`X509 CRL`, `CERTIFICATE REQUEST`, …).
    var otherBlocks: [String] = []
    /// Parts listed but not read (a JKS keystore).
    var unreadParts: [String] = []
    /// For a console ZIP: the other forms that disagree with the one read.
    var formMismatches: [String] = []

    static let certificateLabels: Set<String> = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]
    static let keyLabels: Set<String> = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"]
    static let pkcs7Labels: Set<String> = ["PKCS7", "PKCS #7 SIGNED DATA", "CERTIFICATE CHAIN"]
    static let harmlessLabels: Set<String> = ["EC PARAMETERS", "DH PARAMETERS"]

    /// Reads every PEM block, or one binary form: a DER certificate, a DER PKCS#7 (`.p7b`), or a
    /// PKCS#12 (`.pfx`/`.p12`, opened with `password`). Throws only when the file as a whole cannot
    /// be read; a key block that does not parse is kept as `.unreadable`.
    /// `cache`, when given, supplies the CA certificates this worker decoded before.
    static func parse(_ bytes: [UInt8], file: String, password: String? = nil, cache: CertificateCache? = nil)
        throws(BundleError) -> BundleMaterial
    {
        guard !bytes.isEmpty else { throw BundleError(.noCertificate, file: file, "the file is empty") }
        let (blocks, unterminated) = PEMBlock.scan(bytes)
        if let unterminated {
            throw BundleError(
                .malformedCertificate, file: file,
                "the PEM block '-----BEGIN \(unterminated.label)-----' on line \(unterminated.line) never ends")
        }
        if blocks.isEmpty { return try BinaryBundle.parse(bytes, file: file, password: password) }
        var material = BundleMaterial()
        for block in blocks {
            if certificateLabels.contains(block.label) {
                material.certificates.append(try certificate(block, file: file, cache: cache))
            } else if pkcs7Labels.contains(block.label) {
                material.certificates += try BinaryBundle.pkcs7(block.text, pem: true, file: file, line: block.line)
            } else if block.label == "ENCRYPTED PRIVATE KEY"
                || (keyLabels.contains(block.label) && block.hasEncryptionHeader)
            {
                if material.key == nil { material.key = password.map { privateKey(block, password: $0) } ?? .encrypted }
            } else if keyLabels.contains(block.label) {
                if material.key == nil { material.key = privateKey(block) }
            } else if !harmlessLabels.contains(block.label) {
                material.otherBlocks.append(block.label)
            }
        }
        return material
    }

    /// The material of several files (a folder bundle, one form of a ZIP), in the order given: the
    /// password file is skipped, a JKS keystore is listed as not read, files holding no certificate
    /// (a readme, a CSR) add only what they hold.
    static func merged(
        _ files: [(name: String, bytes: [UInt8])], password: String?, cache: CertificateCache? = nil
    ) throws(BundleError) -> BundleMaterial {
        var material = BundleMaterial()
        for (path, bytes) in files {
            let name = RelativePath.name(of: path).lowercased()
            if name == "keystorepass.txt" { continue }
            if name.hasSuffix(".jks") {
                material.unreadParts.append("\(path): JKS keystore (listed, not parsed)")
                continue
            }
            do {
                material.merge(try parse(bytes, file: path, password: password, cache: cache))
            } catch  where error.code == .noCertificate {
                continue
            }
        }
        return material
    }

    /// Decodes the certificates read field by field (`LeafFields`) and not decoded yet, throwing what
    /// decoding them at once would have thrown.
    func decodeDeferred() throws(BundleError) {
        for certificate in certificates { try certificate.decode() }
    }

    /// Adds another file's material (a folder bundle): certificates in order, the first key.
    mutating func merge(_ other: BundleMaterial) {
        certificates += other.certificates
        if key == nil { key = other.key }
        otherBlocks += other.otherBlocks
        unreadParts += other.unreadParts
    }

    /// A certificate block as an object: from `cache` when its DER was decoded before, else decoded
    /// (and offered to the cache). Only blocks in the standard layout use the cache (their DER read
    /// here, no second base64 pass); `TRUSTED CERTIFICATE` blocks (trust settings after the DER),
    /// blocks with headers and odd layouts are decoded by OpenSSL's PEM reader as always.
    static func certificate(_ block: PEMBlock, file: String, cache: CertificateCache? = nil) throws(BundleError)
        -> X509Object
    {
        guard let cache, block.label != "TRUSTED CERTIFICATE", !block.hasEncryptionHeader,
            let der = block.standardBody()
        else { return try decode(block, file: file) }
        let digest = der.withUnsafeBytes { DERDigest(of: $0) }
        if let known = cache.certificate(for: digest) { return known }
        // A plain leaf waits, read field by field: `decodeDeferred` decodes it unless its verdict is known.
        if let fields = LeafFields(der, keys: cache.publicKeys) {
            return X509Object(fields: fields, digest: digest, block: block, file: file, issuerNames: cache.issuerNames)
        }
        // What PEM_read_bio_X509 does with these bytes; its own path, for its error message, when not.
        guard let decoded = X509Object.fromPEMBody(der) else { return try decode(block, file: file) }
        decoded.decodedFrom = (der, digest)
        decoded.issuerNames = cache.issuerNames
        cache.keep(decoded, for: digest)
        return decoded
    }

    static func decode(_ block: PEMBlock, file: String) throws(BundleError) -> X509Object {
        OpenSSLErrorQueue.clear()
        let parsed: OpaquePointer? = block.text.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return block.label == "TRUSTED CERTIFICATE"
                ? PEM_read_bio_X509_AUX(bio, nil, ca_no_password_callback, nil)
                : PEM_read_bio_X509(bio, nil, ca_no_password_callback, nil)
        }
        guard let parsed else {
            throw BundleError(
                .malformedCertificate, file: file,
                "the certificate block on line \(block.line) does not parse (\(OpenSSLErrorQueue.drain()))")
        }
        OpenSSLErrorQueue.clear()
        return X509Object(taking: parsed)
    }

    /// Parses a key block, decrypting it with `password` when one is given. The password callback
    /// never prompts: without a password it refuses.
    static func privateKey(_ block: PEMBlock, password: String? = nil) -> Key {
        OpenSSLErrorQueue.clear()
        let parsed: OpaquePointer? = block.text.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            guard let password else { return PEM_read_bio_PrivateKey(bio, nil, ca_no_password_callback, nil) }
            return password.withCString { text in
                PEM_read_bio_PrivateKey(bio, nil, ca_string_password_callback, UnsafeMutableRawPointer(mutating: text))
            }
        }
        guard let parsed else {
            let reason = OpenSSLErrorQueue.drain()
            if password != nil {
                return .wrongPassword(
                    "the password does not open the encrypted \(block.label) block on line \(block.line) (\(reason))")
            }
            return .unreadable("the \(block.label) block on line \(block.line) does not parse (\(reason))")
        }
        OpenSSLErrorQueue.clear()
        return .key(PrivateKeyObject(taking: parsed))
    }

    /// The reason a file with no certificate holds what it holds.
    func noCertificateReason() -> String {
        if otherBlocks.contains("X509 CRL") {
            return "the file holds a certificate revocation list (X509 CRL), not a certificate"
        }
        if key != nil { return "the file holds a private key but no certificate" }
        let labels = otherBlocks.map { "'\($0)'" }.joined(separator: ", ")
        return "no CERTIFICATE block; the file holds \(labels.isEmpty ? "nothing usable" : labels)"
    }
}
