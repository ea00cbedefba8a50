internal import COpenSSL
import CertAuditCore
import CertAuditShims
import Glibc

/// Owns one OpenSSL `X509` and frees it in `deinit` (swift-nio-ssl's pattern). Never leaves this
/// module: callers get `CertificateFacts`.
///
/// A leaf read field by field (`LeafFields`) starts undecoded: its facts are read from its fields,
/// and OpenSSL decodes it only when something needs the `X509` itself (`decode`), which the bundle
/// stage skips for a leaf whose chain verdict it already has (`LeafVerdicts`).
final class X509Object {
    private var decoded: OpaquePointer?
    /// The fields of a certificate read field by field, nil for one decoded at once.
    let fields: LeafFields?
    /// Where an undecoded certificate came from, for decoding it as it would have been at once.
    private let origin: (block: PEMBlock, file: String)?

    /// The decoded certificate. Touching it before `decode` on a certificate read field by field is a
    /// programming error.
    var pointer: OpaquePointer {
        guard let decoded else { preconditionFailure("a certificate read field by field was used undecoded") }
        return decoded
    }

    var isDecoded: Bool { decoded != nil }

    init(taking pointer: OpaquePointer) {
        decoded = pointer
        fields = nil
        origin = nil
    }

    /// A leaf not decoded yet, with its facts read from `fields`.
    init(fields: LeafFields, digest: DERDigest, block: PEMBlock, file: String, issuerNames: IssuerNames?) {
        decoded = nil
        self.fields = fields
        origin = (block, file)
        decodedFrom = (fields.der, digest)
        self.issuerNames = issuerNames
        facts = CertificateFactsReader.facts(of: fields, fingerprint: digest.bytes, issuerNames: issuerNames)
    }

    deinit { if let decoded { X509_free(decoded) } }

    /// Decodes a certificate read field by field as `BundleMaterial.certificate` decodes any other
    /// (the same OpenSSL calls, the same error should they fail); nothing for a decoded one.
    func decode() throws(BundleError) {
        guard decoded == nil, let fields, let origin else { return }
        if let pointer = Self.d2i(fields.der) {
            decoded = pointer
            return
        }
        let other = try BundleMaterial.decode(origin.block, file: origin.file)
        X509_up_ref(other.pointer)
        decoded = other.pointer
    }

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
        d2i(der).map(X509Object.init(taking:))
    }

    private static func d2i(_ der: [UInt8]) -> OpaquePointer? {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        return der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
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
        // A leaf read field by field is exactly one certificate in the plain DER form `CertificateDER`
        // accepts, which OpenSSL encodes again byte for byte (LeafVerdictTests compares the facts).
        if let decodedFrom, !isDecoded || encodes(as: decodedFrom.der) { return decodedFrom.digest.bytes }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        X509_digest(pointer, EVP_sha256(), &digest, &length)
        return digest
    }
}
