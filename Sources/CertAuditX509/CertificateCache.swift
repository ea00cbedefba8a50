internal import COpenSSL
import CertAuditCore

/// The CA certificates one ingest worker has already decoded, keyed by the SHA-256 of their DER, so
/// that the intermediate a hundred thousand bundles repeat is decoded by OpenSSL (and read into facts)
/// once per worker, not once per bundle: decoding is the costliest step of ingest in OpenSSL 3.0 (its
/// public-key decoder framework), and leaves, which rarely repeat, still pay it once each.
///
/// Only CA certificates are kept (leaves would grow the cache with the estate), at most `capacity`
/// of them. Not thread-safe: each worker owns one (`parallelMap`'s per-worker state). A hit returns
/// the very object decoded before, which reads exactly as a fresh decode of the same bytes would.
public final class CertificateCache {
    private var entries: [DERDigest: X509Object] = [:]
    public let capacity: Int
    /// The signatures this worker has seen verify (its chains' repeated intermediate-to-root pairs).
    public let signatures = SignatureCache()
    /// Lookups that found their certificate, and that did not (tests and profiling read these).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    func certificate(for digest: DERDigest) -> X509Object? {
        guard let found = entries[digest] else {
            misses += 1
            return nil
        }
        hits += 1
        return found
    }

    /// Keeps `certificate` when it is a CA certificate and there is room.
    func keep(_ certificate: X509Object, for digest: DERDigest) {
        guard entries.count < capacity, certificate.facts.isCA else { return }
        entries[digest] = certificate
    }
}

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
