internal import COpenSSL
import Glibc

/// SHA-256 through OpenSSL: of bytes (fingerprints, manifests) and of files, streamed (`SHA256Stream`).
public enum SHA256Digest {
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        bytes.withUnsafeBytes { input in
            _ = EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        return Hex.lowercase(digest)
    }

    /// The digest of a regular file, read in 64 KiB blocks.
    public static func hex(fileAt path: String) throws(BundleError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BundleError(.notFound, file: path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw BundleError(.notRegularFile, file: path, "not a regular file")
        }
        let stream = SHA256Stream()
        guard stream.isReady else { throw BundleError(.unreadable, file: path, "out of memory") }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw BundleError(.unreadable, file: path, String(cString: strerror(errno))) }
            if count == 0 { break }
            buffer.withUnsafeBytes { stream.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return stream.finalHex()
    }
}
