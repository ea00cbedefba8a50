import Foundation
import Testing

@testable import CertAuditX509

/// The manifest's `bundles/` digest is fed one line per bundle: it must equal the digest of the
/// lines joined, as it was computed before.
struct SHA256StreamTests {
    @Test func equalsTheDigestOfThePiecesJoined() {
        let pieces = (0..<300).map { "bundles/\($0)/证书-\($0).pem \(String(repeating: "ab", count: $0 % 40))\n" } + [""]
        let stream = SHA256Stream()
        for piece in pieces { stream.update(piece) }
        #expect(stream.finalHex() == SHA256Digest.hex(Array(pieces.joined().utf8)))
    }

    @Test func ofNothingIsTheDigestOfNoBytes() {
        #expect(SHA256Stream().finalHex() == SHA256Digest.hex([]))
    }

    /// A file is read and fed in 64 KiB blocks: its digest is the digest of its bytes, over several
    /// blocks and a partial last one.
    @Test func aFileOfSeveralBlocksDigestsAsItsBytes() throws {
        let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SHA256Digest.hex(fileAt: path) == SHA256Digest.hex(bytes))
    }
}
