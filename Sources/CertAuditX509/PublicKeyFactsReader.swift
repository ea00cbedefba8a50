internal import COpenSSL
import CertAuditCore

/// Algorithm, size and curve of an `EVP_PKEY`.
enum PublicKeyFactsReader {
    typealias Kind = PublicKeyFacts.Algorithm

    static func facts(of key: OpaquePointer) -> PublicKeyFacts {
        let group = groupName(of: key)
        return PublicKeyFacts(
            algorithm: kind(of: key, group: group), bits: Int(EVP_PKEY_get_bits(key)), curve: group.map(displayCurve))
    }

    /// The names asked, in order: made once, not on every certificate.
    private static let names: [(String, Kind)] = [
        ("SM2", .sm2), ("RSA", .rsa), ("RSA-PSS", .rsa), ("EC", .ec), ("ED25519", .ed25519), ("ED448", .ed448),
        ("DSA", .dsa),
    ]

    /// Asked by name (`EVP_PKEY_is_a`), which also works for provider-managed keys such as SM2.
    static func kind(of key: OpaquePointer) -> Kind {
        kind(of: key, group: groupName(of: key))
    }

    /// `group` is the key's `groupName`, read once by the caller.
    private static func kind(of key: OpaquePointer, group: String?) -> Kind {
        guard let kind = names.first(where: { EVP_PKEY_is_a(key, $0.0) == 1 })?.1 else { return .other }
        return kind == .ec && group == "SM2" ? .sm2 : kind
    }

    /// The EC group's OpenSSL name (`prime256v1`, `secp384r1`, `SM2`, …), nil for other key types.
    static func groupName(of key: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(key, "group", &buffer, buffer.count, &length) == 1 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// NIST names for the NIST curves, OpenSSL's names for the rest.
    static func displayCurve(_ name: String) -> String {
        switch name {
        case "prime192v1", "P-192": "P-192"
        case "secp224r1", "P-224": "P-224"
        case "prime256v1", "P-256": "P-256"
        case "secp384r1", "P-384": "P-384"
        case "secp521r1", "P-521": "P-521"
        default: name
        }
    }
}
