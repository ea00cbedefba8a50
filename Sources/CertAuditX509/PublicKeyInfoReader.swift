internal import COpenSSL
import CertAuditCore

/// A SubjectPublicKeyInfo's facts read from its DER, the facts `PublicKeyFactsReader` reads from the
/// key OpenSSL decodes, without OpenSSL 3.0's decoder framework (a third of a leaf's instructions):
/// for RSA keys and EC keys on P-256, P-384, P-521 and SM2 — with the checks that make OpenSSL's
/// decoding of them fail (an RSA key that is not two positive integers, an EC point not on its curve,
/// which `EC_POINT_oct2point` checks here as OpenSSL's decoder does). Nil for any other key or form:
/// the certificate is then decoded whole, as before. Not thread-safe (it keeps the curves it has
/// made): one per ingest worker.
final class PublicKeyInfoReader {
    /// A named curve: its OID's DER, OpenSSL's NID, the key's size and the facts' names.
    private struct Curve {
        let oid: [UInt8]
        let nid: Int32
        let bits: Int
        let display: String
        let algorithm: PublicKeyFacts.Algorithm
    }

    private static let rsaEncryption: [UInt8] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]
    private static let ecPublicKey: [UInt8] = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]
    private static let null: [UInt8] = [0x05, 0x00]
    private static let curves: [Curve] = [
        Curve(
            oid: [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07], nid: NID_X9_62_prime256v1, bits: 256,
            display: "P-256", algorithm: .ec),
        Curve(
            oid: [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22], nid: NID_secp384r1, bits: 384, display: "P-384",
            algorithm: .ec),
        Curve(
            oid: [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23], nid: NID_secp521r1, bits: 521, display: "P-521",
            algorithm: .ec),
        Curve(
            oid: [0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d], nid: NID_sm2, bits: 256, display: "SM2",
            algorithm: .sm2),
    ]

    /// The EC groups made so far, by NID.
    private var groups: [Int32: OpaquePointer] = [:]

    deinit { for group in groups.values { EC_GROUP_free(group) } }

    /// The facts of the key `info` (a SubjectPublicKeyInfo element of `der`), or nil.
    func facts(_ der: [UInt8], algorithm: CertificateDER.Element, key: CertificateDER.Element) -> PublicKeyFacts? {
        guard let parts = CertificateDER.children(der, of: algorithm), parts.count == 2,
            key.contents.count > 1, der[key.contents.lowerBound] == 0
        else { return nil }
        let oid = der[parts[0].whole]
        let parameters = der[parts[1].whole]
        let bits = (key.contents.lowerBound + 1)..<key.contents.upperBound
        if oid.elementsEqual(Self.rsaEncryption) && parameters.elementsEqual(Self.null) {
            return rsaBits(der, bits).map { PublicKeyFacts(algorithm: .rsa, bits: $0, curve: nil) }
        }
        guard oid.elementsEqual(Self.ecPublicKey),
            let curve = Self.curves.first(where: { parameters.elementsEqual($0.oid) }),
            isOnCurve(der, bits, curve.nid)
        else { return nil }
        return PublicKeyFacts(algorithm: curve.algorithm, bits: curve.bits, curve: curve.display)
    }

    /// The modulus's size of an RSAPublicKey { n INTEGER, e INTEGER } in `range`, both positive and
    /// minimally encoded (OpenSSL 3.0 refuses padded integers); nil otherwise.
    private func rsaBits(_ der: [UInt8], _ range: Range<Int>) -> Int? {
        guard let sequence = CertificateDER.element(der, at: range.lowerBound, in: range.upperBound),
            sequence.tag == 0x30, sequence.whole.upperBound == range.upperBound,
            let integers = CertificateDER.children(der, of: sequence), integers.count == 2,
            integers.allSatisfy({ Self.isPositiveInteger(der, $0) })
        else { return nil }
        var modulus = integers[0].contents
        if der[modulus.lowerBound] == 0 { modulus = modulus.dropFirst() }
        let bits = (modulus.count - 1) * 8 + (8 - der[modulus.lowerBound].leadingZeroBitCount)
        // Sizes OpenSSL reads without complaint; anything odder is left to it.
        return (512...16_384).contains(bits) ? bits : nil
    }

    private static func isPositiveInteger(_ der: [UInt8], _ element: CertificateDER.Element) -> Bool {
        let value = element.contents
        guard element.tag == 0x02, !value.isEmpty, der[value.lowerBound] & 0x80 == 0 else { return false }
        // A leading zero only before a byte with its top bit set; and not zero itself.
        if der[value.lowerBound] == 0 { return value.count > 1 && der[value.lowerBound + 1] & 0x80 != 0 }
        return true
    }

    /// Whether the point in `range` (compressed or not) is on the curve, as OpenSSL's decoder checks it.
    private func isOnCurve(_ der: [UInt8], _ range: Range<Int>, _ nid: Int32) -> Bool {
        guard [0x02, 0x03, 0x04].contains(der[range.lowerBound]), let group = group(nid),
            let point = EC_POINT_new(group)
        else { return false }
        defer { EC_POINT_free(point) }
        return der.withUnsafeBufferPointer { bytes in
            EC_POINT_oct2point(group, point, bytes.baseAddress! + range.lowerBound, range.count, nil) == 1
        }
    }

    private func group(_ nid: Int32) -> OpaquePointer? {
        if let known = groups[nid] { return known }
        let made = EC_GROUP_new_by_curve_name(nid)
        if let made { groups[nid] = made }
        return made
    }
}
