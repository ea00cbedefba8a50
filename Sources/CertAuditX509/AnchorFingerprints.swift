/// The fingerprints of the trust anchors one ingest worker's chains ended at: every chain of an
/// estate ends at one of a few roots from the trust store, whose SHA-256 was otherwise computed again
/// for every bundle (`X509_digest`: 1 % of a bundle's instructions). Each anchor's object is kept
/// with its fingerprint, so the pointer it is found by cannot be freed and reused for another
/// certificate while it is here. At most `capacity` anchors. Not thread-safe: one per worker.
public final class AnchorFingerprints {
    private var entries: [OpaquePointer: (certificate: X509Object, fingerprint: String)] = [:]
    public let capacity: Int

    public init(capacity: Int = 256) {
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    /// The lower-case hex SHA-256 of `certificate`'s DER, computed the first time it is asked for.
    func fingerprint(of certificate: X509Object) -> String {
        if let known = entries[certificate.pointer] { return known.fingerprint }
        let fingerprint = Hex.lowercase(certificate.sha256)
        if entries.count < capacity { entries[certificate.pointer] = (certificate, fingerprint) }
        return fingerprint
    }
}
