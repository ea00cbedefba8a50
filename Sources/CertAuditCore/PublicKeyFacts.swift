/// A public key's algorithm and strength.
public struct PublicKeyFacts: Sendable, Hashable {
    public enum Algorithm: String, Sendable, Hashable {
        case rsa = "RSA"
        case ec = "EC"
        case sm2 = "SM2"
        case ed25519 = "Ed25519"
        case ed448 = "Ed448"
        case dsa = "DSA"
        case other = "other"
    }

    /// NIST or OpenSSL curve name for EC keys (`P-256`, `P-384`, `P-521`, `secp256k1`, `SM2`, …).
    public var curve: String?
    /// Modulus size for RSA/DSA, field size for EC/SM2.
    public var bits: Int
    public var algorithm: Algorithm

    public init(algorithm: Algorithm, bits: Int, curve: String? = nil) {
        self.algorithm = algorithm
        self.bits = bits
        self.curve = curve
    }
}

extension PublicKeyFacts: ByteEquatable {
    /// Its curve's name byte for byte, the rest by `==`: a text field added here must be added here too.
    public func hasSameBytes(as other: PublicKeyFacts) -> Bool {
        self == other && curve.hasSameBytes(as: other.curve)
    }
}
