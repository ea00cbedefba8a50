internal import COpenSSL
import CertAuditShims

/// The binary bundle forms: one DER certificate (`.cer`/`.der` from Windows), DER PKCS#7 (`.p7b`
/// from a CA) and PKCS#12 (`.pfx`/`.p12` from IIS, with its password).
enum BinaryBundle {
    /// OpenSSL 3 opens RC2- and 3DES-protected PKCS#12 files (what IIS exports) only through its
    /// legacy provider; loaded once, before the first PKCS#12 is read.
    static let legacyProviderLoaded: Bool = ca_load_legacy_provider() == 1

    static func parse(_ bytes: [UInt8], file: String, password: String?) throws(BundleError) -> BundleMaterial {
        guard bytes.first == 0x30 else {
            throw BundleError(
                .noCertificate, file: file,
                "no PEM certificate (-----BEGIN CERTIFICATE-----), and not DER, PKCS#7 or PKCS#12 either")
        }
        var material = BundleMaterial()
        if let certificate = X509Object.fromDER(bytes) {
            material.certificates = [certificate]
            return material
        }
        if let certificates = try? pkcs7(bytes, pem: false, file: file, line: nil) {
            material.certificates = certificates
            return material
        }
        return try pkcs12(bytes, file: file, password: password)
    }

    /// The certificates of a PKCS#7 signed-data structure, PEM block or DER.
    static func pkcs7(_ bytes: [UInt8], pem: Bool, file: String, line: Int?) throws(BundleError) -> [X509Object] {
        OpenSSLErrorQueue.clear()
        let parsed: UnsafeMutablePointer<PKCS7>? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return pem ? PEM_read_bio_PKCS7(bio, nil, ca_no_password_callback, nil) : d2i_PKCS7_bio(bio, nil)
        }
        let place = line.map { "the PKCS#7 block on line \($0)" } ?? "the PKCS#7 structure"
        guard let parsed else {
            throw BundleError(
                .malformedCertificate, file: file, "\(place) does not parse (\(OpenSSLErrorQueue.drain()))")
        }
        defer { PKCS7_free(parsed) }
        guard let stack = ca_PKCS7_certificates(parsed) else {
            throw BundleError(.noCertificate, file: file, "\(place) is not signed data holding certificates")
        }
        return (0..<ca_sk_X509_num(stack)).compactMap { index in
            guard let certificate = ca_sk_X509_value(stack, index), X509_up_ref(certificate) == 1 else { return nil }
            return X509Object(taking: certificate)
        }
    }

    /// Opens a PKCS#12 file with its password (an empty password is tried when none is given).
    static func pkcs12(_ bytes: [UInt8], file: String, password: String?) throws(BundleError) -> BundleMaterial {
        _ = legacyProviderLoaded
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        let parsed: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            var cursor = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let p12 = parsed else {
            throw BundleError(
                .noCertificate, file: file, "not a certificate in PEM, DER, PKCS#7 or PKCS#12 form")
        }
        defer { PKCS12_free(p12) }
        let secret = password ?? ""
        guard PKCS12_verify_mac(p12, secret, Int32(secret.utf8.count)) == 1 else {
            if password == nil {
                throw BundleError(
                    .passwordRequired, file: file,
                    "the PKCS#12 file needs its password (password_file, or keystorePass.txt beside it)")
            }
            throw BundleError(
                .wrongPassword, file: file, "the password does not open the PKCS#12 file (MAC check failed)")
        }
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        var chain: OpaquePointer?
        guard PKCS12_parse(p12, secret, &key, &certificate, &chain) == 1 else {
            throw BundleError(
                .malformedCertificate, file: file, "the PKCS#12 file does not open (\(OpenSSLErrorQueue.drain()))")
        }
        var material = BundleMaterial()
        if let certificate { material.certificates.append(X509Object(taking: certificate)) }
        if let chain {
            for index in 0..<ca_sk_X509_num(chain) {
                if let member = ca_sk_X509_value(chain, index), X509_up_ref(member) == 1 {
                    material.certificates.append(X509Object(taking: member))
                }
            }
            ca_sk_X509_pop_free(chain)
        }
        if let key { material.key = .key(PrivateKeyObject(taking: key)) }
        return material
    }
}
