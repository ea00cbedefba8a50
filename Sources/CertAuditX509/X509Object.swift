internal import COpenSSL
import CertAuditCore

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

    /// Whether this certificate issued `other` (names, key identifiers and key usage agree).
    func issued(_ other: X509Object) -> Bool {
        X509_check_issued(pointer, other.pointer) == X509_V_OK
    }

    var sha256: [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        X509_digest(pointer, EVP_sha256(), &digest, &length)
        return digest
    }
}
