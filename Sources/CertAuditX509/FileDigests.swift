/// The SHA-256 of every file a load read, by its path relative to the bundles folder, taken from the
/// bytes already in memory: the manifest's digest of `bundles/` then needs no second read of each
/// file. One per load, on one thread.
public final class FileDigests {
    public private(set) var byPath: [String: String] = [:]

    public init() {}

    func record(_ relative: String, _ bytes: [UInt8]) {
        byPath[relative] = SHA256Digest.hex(bytes)
    }
}
