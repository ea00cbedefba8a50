internal import COpenSSL
import CertAuditCore
import CertAuditShims
import Glibc

/// Owns one OpenSSL `X509` and frees it in `deinit` (swift-nio-ssl's pattern). Never leaves this
/// module: callers get `CertificateFacts`.
final class X509Object {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_free(pointer) }

    /// Read once, on first use: a certificate kept in a `CertificateCache` is read for every bundle
    /// that repeats it.
    lazy var facts: CertificateFacts = CertificateFactsReader.facts(of: self)

    /// The DER this certificate was decoded from and its SHA-256, computed anyway as the key of the
    /// worker's `CertificateCache`: `sha256` is then that digest when OpenSSL encodes the certificate
    /// as exactly these bytes (what `X509_digest` hashes), instead of a second SHA-256 of them.
    var decodedFrom: (der: [UInt8], digest: DERDigest)?
    /// The worker's printed issuer names, for `facts`.
    var issuerNames: IssuerNames?

    /// Parses one DER certificate; nil when the bytes are not one.
    static func fromDER(_ der: [UInt8]) -> X509Object? {
        der.withUnsafeBufferPointer { buffer -> X509Object? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            guard let certificate = d2i_X509(nil, &cursor, buffer.count) else { return nil }
            // Trailing bytes after the certificate mean this is not (only) a certificate.
            guard let end = cursor, end == buffer.baseAddress! + buffer.count else {
                X509_free(certificate)
                return nil
            }
            return X509Object(taking: certificate)
        }
    }

    /// Decodes a PEM block's body as `PEM_read_bio_X509` does (`d2i_X509`, bytes after the
    /// certificate ignored); nil when it is no certificate.
    static func fromPEMBody(_ der: [UInt8]) -> X509Object? {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        return der.withUnsafeBufferPointer { buffer -> X509Object? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count).map(X509Object.init(taking:))
        }
    }

    /// Whether OpenSSL's encoding of this certificate (`i2d_X509`, what `X509_digest` hashes) is `der`.
    func encodes(as der: [UInt8]) -> Bool {
        var encoded: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(pointer, &encoded)
        guard let encoded else { return false }
        defer { ca_OPENSSL_free(encoded) }
        return Int(length) == der.count
            && der.withUnsafeBytes { bytes in
                bytes.baseAddress.map { memcmp($0, encoded, der.count) == 0 } ?? false
            }
    }

    /// Whether this certificate issued `other` (names, key identifiers and key usage agree).
    func issued(_ other: X509Object) -> Bool {
        X509_check_issued(pointer, other.pointer) == X509_V_OK
    }

    var sha256: [UInt8] {
        if let decodedFrom, encodes(as: decodedFrom.der) { return decodedFrom.digest.bytes }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        X509_digest(pointer, EVP_sha256(), &digest, &length)
        return digest
    }
}
