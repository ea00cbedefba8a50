internal import COpenSSL
import CertAuditCore
import CertAuditShims

/// The certificates and the private key found in one file's bytes.
struct BundleMaterial {
    /// What the file said about a private key.
    enum Key {
        case key(PrivateKeyObject)
        /// Encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY` or legacy `Proc-Type: 4,ENCRYPTED`): not
        /// decrypted until passwords are supported.
        case encrypted
        /// A key block that does not parse.
        case unreadable(String)
    }

    var certificates: [X509Object] = []
    var key: Key?
    /// Labels of blocks that are neither certificates nor keys (`X509 CRL`, `CERTIFICATE REQUEST`, …).
    var otherBlocks: [String] = []

    static let certificateLabels: Set<String> = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]
    static let keyLabels: Set<String> = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"]
    static let harmlessLabels: Set<String> = ["EC PARAMETERS", "DH PARAMETERS"]

    /// Reads every PEM block (or one DER certificate). Throws only when the file as a whole cannot be
    /// read; a key block that does not parse is kept as `.unreadable`.
    static func parse(_ bytes: [UInt8], file: String) throws(BundleError) -> BundleMaterial {
        guard !bytes.isEmpty else { throw BundleError(.noCertificate, file: file, "the file is empty") }
        let (blocks, unterminated) = PEMBlock.scan(bytes)
        if let unterminated {
            throw BundleError(
                .malformedCertificate, file: file,
                "the PEM block '-----BEGIN \(unterminated.label)-----' on line \(unterminated.line) never ends")
        }
        var material = BundleMaterial()
        if blocks.isEmpty {
            if bytes.first == 0x30, let certificate = X509Object.fromDER(bytes) {
                material.certificates = [certificate]
                return material
            }
            throw BundleError(
                .noCertificate, file: file,
                "no PEM certificate (-----BEGIN CERTIFICATE-----) and not a DER certificate either")
        }
        for block in blocks {
            if certificateLabels.contains(block.label) {
                material.certificates.append(try certificate(block, file: file))
            } else if block.label == "ENCRYPTED PRIVATE KEY"
                || (keyLabels.contains(block.label) && block.hasEncryptionHeader)
            {
                if material.key == nil { material.key = .encrypted }
            } else if keyLabels.contains(block.label) {
                if material.key == nil { material.key = privateKey(block) }
            } else if !harmlessLabels.contains(block.label) {
                material.otherBlocks.append(block.label)
            }
        }
        return material
    }

    static func certificate(_ block: PEMBlock, file: String) throws(BundleError) -> X509Object {
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

    /// Parses an unencrypted key block. The password callback refuses, so OpenSSL never prompts.
    static func privateKey(_ block: PEMBlock) -> Key {
        OpenSSLErrorQueue.clear()
        let parsed: OpaquePointer? = block.text.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, ca_no_password_callback, nil)
        }
        guard let parsed else {
            return .unreadable(
                "the \(block.label) block on line \(block.line) does not parse (\(OpenSSLErrorQueue.drain()))")
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
