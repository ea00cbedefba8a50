internal import COpenSSL
import CertAuditCore
import CertAuditShims
import Glibc

/// Reads a certificate's facts out of OpenSSL once, so nothing downstream holds an OpenSSL object.
enum CertificateFactsReader {
    /// An extension of the certificate decoded by NID (the caller frees it), with its criticality:
    /// `X509_get_ext_d2i` on a decoded certificate, `X509V3_get_d2i` on a decoded extension list.
    typealias ExtensionDecoder = (_ nid: Int32, _ critical: UnsafeMutablePointer<Int32>?) -> UnsafeMutableRawPointer?

    static func facts(of certificate: X509Object) -> CertificateFacts {
        let x509 = certificate.pointer
        _ = X509_check_purpose(x509, -1, 0)  // computes the cached extension values once
        let subjectName = X509_get_subject_name(x509)
        let issuerName = X509_get_issuer_name(x509)
        let publicKey =
            X509_get0_pubkey(x509).map(PublicKeyFactsReader.facts) ?? PublicKeyFacts(algorithm: .other, bits: 0)
        let decode: ExtensionDecoder = { X509_get_ext_d2i(x509, $0, $1, nil) }
        var algorithm: UnsafePointer<X509_ALGOR>?
        X509_get0_signature(nil, &algorithm, x509)
        return CertificateFacts(
            subject: name(subjectName), issuer: certificate.issuerNames?.text(of: issuerName) ?? name(issuerName),
            serialHex: serial(X509_get0_serialNumber(x509)),
            notBefore: instant(X509_get0_notBefore(x509)), notAfter: instant(X509_get0_notAfter(x509)),
            commonNames: commonNames(subjectName), subjectAltNames: subjectAltNames(decode), publicKey: publicKey,
            signatureAlgorithm: signatureAlgorithm(algorithm), fingerprintSHA256: Hex.lowercase(certificate.sha256),
            basicConstraints: basicConstraints(decode),
            keyUsage: X509_get_ext_by_NID(x509, NID_key_usage, -1) >= 0
                ? keyUsage(bits: X509_get_key_usage(x509)) : nil,
            extendedKeyUsage: extendedKeyUsage(decode),
            subjectKeyID: X509_get0_subject_key_id(x509).map(octets),
            authorityKeyID: X509_get0_authority_key_id(x509).map(octets),
            isSelfIssued: subjectName.flatMap { subject in issuerName.map { X509_NAME_cmp(subject, $0) == 0 } } ?? false
        )
    }

    /// The facts of a certificate whose fields OpenSSL decoded one by one (`LeafFields`), read with
    /// the same code as a decoded certificate's: the same facts, without decoding its public key.
    static func facts(of fields: LeafFields, fingerprint: [UInt8], issuerNames: IssuerNames?) -> CertificateFacts {
        let extensions = fields.extensions
        let decode: ExtensionDecoder = { nid, critical in
            guard let extensions else {
                critical?.pointee = -1
                return nil
            }
            return X509V3_get_d2i(extensions, nid, critical, nil)
        }
        return CertificateFacts(
            subject: name(fields.subject), issuer: issuerNames?.text(of: fields.issuer) ?? name(fields.issuer),
            serialHex: serial(fields.serial), notBefore: instant(fields.notBefore), notAfter: instant(fields.notAfter),
            commonNames: commonNames(fields.subject), subjectAltNames: subjectAltNames(decode),
            publicKey: fields.publicKey, signatureAlgorithm: signatureAlgorithm(fields.signatureAlgorithm),
            fingerprintSHA256: Hex.lowercase(fingerprint), basicConstraints: basicConstraints(decode),
            keyUsage: fields.keyUsageBits.map(keyUsage(bits:)), extendedKeyUsage: extendedKeyUsage(decode),
            subjectKeyID: decoded(decode, NID_subject_key_identifier) {
                (key: UnsafeMutablePointer<ASN1_OCTET_STRING>) in
                defer { ca_ASN1_OCTET_STRING_free(key) }
                return octets(key)
            },
            authorityKeyID: decoded(decode, NID_authority_key_identifier) {
                (identifier: UnsafeMutablePointer<AUTHORITY_KEYID>) in
                defer { ca_AUTHORITY_KEYID_free(identifier) }
                return identifier.pointee.keyid.map { octets($0) }
            } ?? nil,
            isSelfIssued: X509_NAME_cmp(fields.subject, fields.issuer) == 0)
    }

    /// An extension decoded as `Value` and read by `read`, which frees it; nil when absent or bad.
    private static func decoded<Value, Result>(
        _ decode: ExtensionDecoder, _ nid: Int32, _ read: (UnsafeMutablePointer<Value>) -> Result
    ) -> Result? {
        decode(nid, nil).map { read($0.assumingMemoryBound(to: Value.self)) }
    }

    /// RFC 2253 one-line form with UTF-8 kept as UTF-8.
    static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        X509_NAME_print_ex(bio, name, 0, ca_name_flags_rfc2253_utf8())
        return bioText(bio)
    }

    static func bioText(_ bio: OpaquePointer) -> String {
        var data: UnsafeMutablePointer<CChar>?
        let length = ca_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    static func serial(_ serial: UnsafePointer<ASN1_INTEGER>?) -> String {
        guard let serial, let number = ASN1_INTEGER_to_BN(serial, nil) else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { ca_OPENSSL_free(hex) }
        return String(cString: hex)
    }

    /// An ASN1_TIME as whole seconds since the epoch, through our own calendar (not `timegm`).
    static func instant(_ time: UnsafePointer<ASN1_TIME>?) -> Instant {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1,
            let date = LocalDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else { return Instant(secondsSinceEpoch: 0) }
        let seconds = Int64(parts.tm_hour) * 3600 + Int64(parts.tm_min) * 60 + Int64(parts.tm_sec)
        return Instant(secondsSinceEpoch: date.daysSinceEpoch * Instant.secondsPerDay + seconds)
    }

    static func commonNames(_ name: OpaquePointer?) -> [String] {
        guard let name else { return [] }
        var names: [String] = []
        var position: Int32 = -1
        while true {
            position = X509_NAME_get_index_by_NID(name, NID_commonName, position)
            guard position >= 0 else { break }
            if let entry = X509_NAME_get_entry(name, position), let data = X509_NAME_ENTRY_get_data(entry) {
                names.append(utf8(data))
            }
        }
        return names
    }

    /// An ASN1 string converted to UTF-8 from whatever string type it holds.
    static func utf8(_ string: UnsafePointer<ASN1_STRING>) -> String {
        var out: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&out, string)
        guard length >= 0, let out else { return "" }
        defer { ca_OPENSSL_free(out) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    static func subjectAltNames(_ decode: ExtensionDecoder) -> [SubjectAltName] {
        guard let raw = decode(NID_subject_alt_name, nil) else { return [] }
        let names = OpaquePointer(raw)
        defer { ca_GENERAL_NAMES_free(names) }
        var result: [SubjectAltName] = []
        for index in 0..<ca_sk_GENERAL_NAME_num(names) {
            guard let name = ca_sk_GENERAL_NAME_value(names, index), let value = ca_GENERAL_NAME_string(name) else {
                continue
            }
            let bytes = Array(
                UnsafeBufferPointer(start: ASN1_STRING_get0_data(value), count: Int(ASN1_STRING_length(value))))
            switch ca_GENERAL_NAME_type(name) {
            case GEN_DNS: result.append(SubjectAltName(.dns, String(decoding: bytes, as: UTF8.self)))
            case GEN_EMAIL: result.append(SubjectAltName(.email, String(decoding: bytes, as: UTF8.self)))
            case GEN_URI: result.append(SubjectAltName(.uri, String(decoding: bytes, as: UTF8.self)))
            case GEN_IPADD: result.append(SubjectAltName(.ip, ipAddress(bytes)))
            default: break
            }
        }
        return result
    }

    /// IPv4 dotted, IPv6 in RFC 5952 form (inet_ntop), anything else as hex.
    static func ipAddress(_ bytes: [UInt8]) -> String {
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return Hex.lowercase(bytes)
        }
        var buffer = [CChar](repeating: 0, count: 64)
        let ok = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard ok != nil else { return Hex.lowercase(bytes) }
        return Self.text(buffer)
    }

    static func signatureAlgorithm(_ algorithm: UnsafePointer<X509_ALGOR>?) -> String {
        var object: OpaquePointer?
        guard let algorithm else { return "unknown" }
        X509_ALGOR_get0(&object, nil, nil, algorithm)
        guard let object else { return "unknown" }
        let nid = OBJ_obj2nid(object)
        if nid != NID_undef, let long = OBJ_nid2ln(nid) { return String(cString: long) }
        var buffer = [CChar](repeating: 0, count: 128)
        OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        return Self.text(buffer)
    }

    static func basicConstraints(_ decode: ExtensionDecoder) -> BasicConstraints? {
        var critical: Int32 = 0
        guard let raw = decode(NID_basic_constraints, &critical) else { return nil }
        let constraints = raw.assumingMemoryBound(to: BASIC_CONSTRAINTS.self)
        defer { ca_BASIC_CONSTRAINTS_free(constraints) }
        let pathLength = constraints.pointee.pathlen.map { Int(ASN1_INTEGER_get($0)) }
        return BasicConstraints(isCA: constraints.pointee.ca != 0, pathLength: pathLength, critical: critical == 1)
    }

    static let keyUsageBits: [(UInt32, String)] = [
        (UInt32(KU_DIGITAL_SIGNATURE), "digitalSignature"), (UInt32(KU_NON_REPUDIATION), "contentCommitment"),
        (UInt32(KU_KEY_ENCIPHERMENT), "keyEncipherment"), (UInt32(KU_DATA_ENCIPHERMENT), "dataEncipherment"),
        (UInt32(KU_KEY_AGREEMENT), "keyAgreement"), (UInt32(KU_KEY_CERT_SIGN), "keyCertSign"),
        (UInt32(KU_CRL_SIGN), "cRLSign"), (UInt32(KU_ENCIPHER_ONLY), "encipherOnly"),
        (UInt32(KU_DECIPHER_ONLY), "decipherOnly"),
    ]

    /// The usages `bits` (as `X509_get_key_usage` gives them) name.
    static func keyUsage(bits: UInt32) -> [String] {
        keyUsageBits.filter { bits & $0.0 != 0 }.map(\.1)
    }

    static func extendedKeyUsage(_ decode: ExtensionDecoder) -> [String]? {
        guard let raw = decode(NID_ext_key_usage, nil) else { return nil }
        let usages = OpaquePointer(raw)
        defer { ca_EXTENDED_KEY_USAGE_free(usages) }
        return (0..<ca_sk_ASN1_OBJECT_num(usages)).compactMap { index in
            guard let object = ca_sk_ASN1_OBJECT_value(usages, index) else { return nil }
            let nid = OBJ_obj2nid(object)
            if nid != NID_undef, let short = OBJ_nid2sn(nid) { return String(cString: short) }
            var buffer = [CChar](repeating: 0, count: 128)
            OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
            return Self.text(buffer)
        }
    }

    /// A NUL-terminated C buffer as text.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func octets(_ string: UnsafePointer<ASN1_OCTET_STRING>) -> String {
        Hex.lowercase(UnsafeBufferPointer(start: ASN1_STRING_get0_data(string), count: Int(ASN1_STRING_length(string))))
    }
}
