internal import COpenSSL
import CertAuditCore

/// SHA-256 of text fed piece by piece: the same digest as `SHA256Digest.hex` of the pieces joined,
/// without ever holding them joined (the manifest's `bundles/` digest covers one line per bundle: a
/// million lines would otherwise be kept, then copied into one string, before being hashed).
public final class SHA256Stream: DigestStream {
    private let context: OpaquePointer?

    public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Whether OpenSSL gave the stream a context: false only when it is out of memory.
    var isReady: Bool { context != nil }

    public func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
    }

    /// `finalHex`, or nil when OpenSSL had no memory for the stream (`DigestStream`).
    public func digestHex() -> String? {
        isReady ? finalHex() : nil
    }

    /// The digest of everything fed so far, in lower-case hex; the stream is done after it.
    public func finalHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return Hex.lowercase(digest)
    }
}
