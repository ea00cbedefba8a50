import Testing

@testable import CertAuditCore

/// Same bytes, not Swift's `==` (which calls canonically equivalent spellings equal): every text a
/// profile holds is compared byte for byte.
struct ByteEquatableTests {
    static let composed = "Caf\u{E9}"
    static let decomposed = "Cafe\u{301}"

    static let base =
        CertificateProfile(
            issuer: "CN=Example CA", signatureAlgorithm: "ecdsa-with-SHA256", authorityKeyID: "aa:bb",
            keyUsage: ["digitalSignature"], extendedKeyUsage: ["serverAuth"], basicConstraints: nil,
            publicKey: PublicKeyFacts(algorithm: .ec, bits: 256, curve: "P-256"))

    /// Each of the profile's texts, set to `text`.
    static let fields: [(String, @Sendable (inout CertificateProfile, String) -> Void)] = [
        ("issuer", { $0.issuer = $1 }),
        ("signatureAlgorithm", { $0.signatureAlgorithm = $1 }),
        ("authorityKeyID", { $0.authorityKeyID = $1 }),
        ("keyUsage", { $0.keyUsage = [$1] }),
        ("extendedKeyUsage", { $0.extendedKeyUsage = [$1] }),
        ("publicKey.curve", { $0.publicKey.curve = $1 }),
    ]

    @Test(arguments: 0..<6)
    func aProfileTextInOtherBytesIsNotTheSame(field: Int) {
        let (name, set) = Self.fields[field]
        var first = Self.base
        var second = first
        set(&first, Self.composed)
        set(&second, Self.decomposed)
        #expect(first == second, "\(name): canonically equivalent")
        #expect(!first.hasSameBytes(as: second), "\(name)")
        var third = first
        set(&third, String(decoding: Array(Self.composed.utf8), as: UTF8.self))
        #expect(first.hasSameBytes(as: third), "\(name)")
    }

    @Test func optionalsArraysAndTagsCompareTheirBytes() {
        #expect(!Optional(Self.composed).hasSameBytes(as: Self.decomposed))
        #expect(Optional<String>.none.hasSameBytes(as: nil))
        #expect(!Optional<String>.none.hasSameBytes(as: ""))
        #expect(![Self.composed].hasSameBytes(as: [Self.decomposed]))
        #expect(![Self.composed].hasSameBytes(as: [Self.composed, Self.composed]))
        #expect(!Tag(key: "k", value: Self.composed).hasSameBytes(as: Tag(key: "k", value: Self.decomposed)))
        #expect(Tag(key: "k", value: Self.composed).hasSameBytes(as: Tag(key: "k", value: Self.composed)))
    }

    @Test func stringsCompareEveryByte() {
        #expect("".hasSameBytes(as: ""))
        #expect(!"".hasSameBytes(as: "a") && !"a".hasSameBytes(as: ""))
        // Long enough to be stored on the heap, differing only in the last byte, or in length.
        let long = String(repeating: "x", count: 40)
        #expect(long.hasSameBytes(as: String(repeating: "x", count: 40)))
        #expect(!(long + "a").hasSameBytes(as: long + "b"))
        #expect(!long.hasSameBytes(as: long + "x"))
        #expect("证书".hasSameBytes(as: String(decoding: Array("证书".utf8), as: UTF8.self)))
    }
}
