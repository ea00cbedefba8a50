internal import COpenSSL

/// The SHA-256 of a certificate's DER as four words: a cheap dictionary key.
struct DERDigest: Hashable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(of bytes: UnsafeRawBufferPointer) {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, Self.sha256, nil)
        words = digest.withUnsafeBytes { raw in
            (
                raw.load(fromByteOffset: 0, as: UInt64.self), raw.load(fromByteOffset: 8, as: UInt64.self),
                raw.load(fromByteOffset: 16, as: UInt64.self), raw.load(fromByteOffset: 24, as: UInt64.self)
            )
        }
    }

    /// Fetched once: `EVP_sha256()` would look the implementation up on every call. OpenSSL's method
    /// objects are immutable and reference-counted, safe to share across threads.
    nonisolated(unsafe) private static let sha256 = EVP_MD_fetch(nil, "SHA256", nil)

    /// The 32 bytes of the digest, in order.
    var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0) }
    }

    static func == (left: DERDigest, right: DERDigest) -> Bool {
        left.words == right.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
