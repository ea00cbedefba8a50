internal import COpenSSL
import CertAuditCore
import CertAuditShims
import Glibc

/// A leaf certificate's fields, each decoded by OpenSSL's decoder for that field (`d2i_X509_NAME`,
/// `d2i_ASN1_TIME`, `d2i_X509_EXTENSIONS`, …) from the places `CertificateDER` found, its public key
/// read by `PublicKeyInfoReader`: everything `d2i_X509` would decode but the key, whose decoding
/// through OpenSSL 3.0's decoder framework is a third of a leaf's cost (bench/floor: 4.5 s for
/// 100,000 leaves read this way against 3.9 s reading nothing). `CertificateFactsReader` reads its
/// facts with the same code as a decoded certificate's.
///
/// Nil for anything but a plain end-entity certificate whose every field decodes: a CA certificate,
/// a self-issued one, a time OpenSSL would not compare, an extension OpenSSL knows and cannot decode or
/// that appears twice, an empty key usage, a proxy certificate, a key of another type. Such a certificate is decoded
/// whole, as before.
final class LeafFields {
    let der: [UInt8]
    let layout: CertificateDER
    /// X509_NAME.
    let subject: OpaquePointer
    let issuer: OpaquePointer
    let serial: UnsafeMutablePointer<ASN1_INTEGER>
    let notBefore: UnsafeMutablePointer<ASN1_TIME>
    let notAfter: UnsafeMutablePointer<ASN1_TIME>
    /// The outer signature algorithm (the one `X509_get0_signature` reads).
    let signatureAlgorithm: UnsafeMutablePointer<X509_ALGOR>
    /// STACK_OF(X509_EXTENSION), nil when there are none.
    let extensions: OpaquePointer?
    let publicKey: PublicKeyFacts
    /// The key usage bits as `X509_get_key_usage` gives them, nil without the extension.
    let keyUsageBits: UInt32?

    init?(_ der: [UInt8], keys: PublicKeyInfoReader) {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        guard let layout = CertificateDER(der),
            let publicKey = keys.facts(der, algorithm: layout.publicKeyAlgorithm, key: layout.publicKey)
        else { return nil }
        let decoded = der.withUnsafeBufferPointer { bytes in
            (
                subject: Self.decode(bytes, layout.subject) { d2i_X509_NAME(nil, &$0, $1) },
                issuer: Self.decode(bytes, layout.issuer) { d2i_X509_NAME(nil, &$0, $1) },
                serial: Self.decode(bytes, layout.serial) { d2i_ASN1_INTEGER(nil, &$0, $1) },
                notBefore: Self.decode(bytes, layout.notBefore) { d2i_ASN1_TIME(nil, &$0, $1) },
                notAfter: Self.decode(bytes, layout.notAfter) { d2i_ASN1_TIME(nil, &$0, $1) },
                algorithm: Self.decode(bytes, layout.outerAlgorithm) { d2i_X509_ALGOR(nil, &$0, $1) },
                inner: Self.decode(bytes, layout.innerAlgorithm) { d2i_X509_ALGOR(nil, &$0, $1) },
                extensions: layout.extensionList.flatMap { list in
                    Self.decode(bytes, list) { d2i_X509_EXTENSIONS(nil, &$0, $1) }
                }
            )
        }
        X509_ALGOR_free(decoded.inner)
        // Every check before any property is set: a failing initializer frees what it decoded here.
        guard let subject = decoded.subject, let issuer = decoded.issuer, let serial = decoded.serial,
            let notBefore = decoded.notBefore, let notAfter = decoded.notAfter, let algorithm = decoded.algorithm,
            Self.isComparable(notBefore), Self.isComparable(notAfter), decoded.inner != nil,
            layout.extensionList == nil || decoded.extensions != nil,
            let keyUsage = decoded.extensions.map(Self.checkedExtensions) ?? .some(nil),
            // A self-issued end-entity certificate is checked against its own key: decoded whole.
            X509_NAME_cmp(subject, issuer) != 0
        else {
            X509_NAME_free(decoded.subject)
            X509_NAME_free(decoded.issuer)
            ASN1_INTEGER_free(decoded.serial)
            ASN1_TIME_free(decoded.notBefore)
            ASN1_TIME_free(decoded.notAfter)
            X509_ALGOR_free(decoded.algorithm)
            decoded.extensions.map(ca_X509_EXTENSIONS_free)
            return nil
        }
        self.der = der
        self.layout = layout
        self.subject = subject
        self.issuer = issuer
        self.serial = serial
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.signatureAlgorithm = algorithm
        self.extensions = decoded.extensions
        self.publicKey = publicKey
        self.keyUsageBits = keyUsage
    }

    deinit {
        X509_NAME_free(subject)
        X509_NAME_free(issuer)
        ASN1_INTEGER_free(serial)
        ASN1_TIME_free(notBefore)
        ASN1_TIME_free(notAfter)
        X509_ALGOR_free(signatureAlgorithm)
        extensions.map(ca_X509_EXTENSIONS_free)
    }

    /// What OpenSSL's `ossl_x509v3_cache_extensions` would find wrong with the extensions, checked
    /// here so that no certificate it would mark invalid (which changes its key usage and its chain
    /// check) takes this path: each extension OpenSSL knows decodes, none appears twice, a key usage is
    /// not empty, a basic constraints is not a CA's and has no negative path length, none is a proxy
    /// certificate's, every CRL distribution point has a full name (`setup_dp` rejects a point with
    /// neither a name nor an issuer, and rewrites a name relative to the issuer). Returns the key
    /// usage bits (nil without the extension) wrapped, or nil when the extensions are not plain.
    private static func checkedExtensions(_ extensions: OpaquePointer) -> UInt32?? {
        var seen: Set<Int32> = []
        var keyUsage: UInt32?
        for index in 0..<ca_sk_X509_EXTENSION_num(extensions) {
            guard let extensionItem = ca_sk_X509_EXTENSION_value(extensions, index) else { return nil }
            let nid = OBJ_obj2nid(X509_EXTENSION_get_object(extensionItem))
            guard nid != NID_proxyCertInfo, ca_extension_decodes(extensionItem) == 1,
                nid == NID_undef || seen.insert(nid).inserted
            else { return nil }
        }
        // Duplicates among extensions OpenSSL has no NID for are caught by X509V3_get_d2i's -2 below.
        if let raw = X509V3_get_d2i(extensions, NID_key_usage, nil, nil) {
            let usage = raw.assumingMemoryBound(to: ASN1_BIT_STRING.self)
            defer { ca_ASN1_BIT_STRING_free(usage) }
            var bits: UInt32 = 0
            if usage.pointee.length > 0 { bits = UInt32(usage.pointee.data[0]) }
            if usage.pointee.length > 1 { bits |= UInt32(usage.pointee.data[1]) << 8 }
            guard bits != 0 else { return nil }
            keyUsage = bits
        }
        if let raw = X509V3_get_d2i(extensions, NID_crl_distribution_points, nil, nil) {
            let points = OpaquePointer(raw)
            defer { CRL_DIST_POINTS_free(points) }
            guard ca_crl_distribution_points_are_unusual(points) == 0 else { return nil }
        }
        if let raw = X509V3_get_d2i(extensions, NID_basic_constraints, nil, nil) {
            let constraints = raw.assumingMemoryBound(to: BASIC_CONSTRAINTS.self)
            defer { ca_BASIC_CONSTRAINTS_free(constraints) }
            guard constraints.pointee.ca == 0, constraints.pointee.pathlen == nil else { return nil }
        }
        return .some(keyUsage)
    }

    /// A time `X509_cmp_time` compares rather than calling it malformed — UTCTime of 13 or
    /// GeneralizedTime of 15 characters, digits then `Z`, as it checks them — and that OpenSSL
    /// converts to a date.
    private static func isComparable(_ time: UnsafePointer<ASN1_TIME>) -> Bool {
        let type = time.pointee.type
        let length = Int(time.pointee.length)
        guard (type == V_ASN1_UTCTIME && length == 13) || (type == V_ASN1_GENERALIZEDTIME && length == 15),
            let data = time.pointee.data
        else { return false }
        let text = UnsafeBufferPointer(start: data, count: length)
        guard text.last == UInt8(ascii: "Z"), text.dropLast().allSatisfy({ (0x30...0x39).contains($0) }) else {
            return false
        }
        var parts = tm()
        return ASN1_TIME_to_tm(time, &parts) == 1
    }

    /// One field decoded by `d2i` from its element's bytes (one whole TLV); nil when it does not decode.
    private static func decode<Object>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ element: CertificateDER.Element,
        _ d2i: (inout UnsafePointer<UInt8>?, Int) -> Object?
    ) -> Object? {
        var cursor: UnsafePointer<UInt8>? = UnsafePointer(bytes.baseAddress! + element.whole.lowerBound)
        return d2i(&cursor, element.whole.count)
    }
}
