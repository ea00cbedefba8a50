internal import COpenSSL
import CertAuditCore
import CertAuditShims

/// The chain verdicts one ingest worker has had from OpenSSL, by what they depend on, so that a leaf
/// like one verified before — same bundled certificates above it, same *profile* — takes that
/// verdict without OpenSSL decoding it (`LeafFields`): 100,000 leaves under four intermediates are
/// verified by OpenSSL a handful of times, each other leaf's own signature checked here.
///
/// The profile is every part of a leaf `X509_verify_cert` (OpenSSL 3.0, the bundle audit's options:
/// strict, no purpose, no host, time errors accepted by the callback) reads, byte for byte — version,
/// both signature algorithms, issuer name, the times' types, the public key's algorithm and size, each
/// extension's OID, criticality and value, whether the serial is positive and the subject empty —
/// except what it cannot read under those options: the serial's and times' values (the times are
/// checked comparable, their errors accepted), the subject's and the alternative names' values (read
/// only by name constraints: a verdict whose chain has any is not kept; the names' count is in the
/// profile), the key identifiers' and SCTs' values (only their presence and criticality count), the
/// key's value (its type, curve and size are in the profile; it is checked to decode as OpenSSL's
/// decoder would have it) and the signature (checked here with the issuer's key; a verdict is kept
/// only from a leaf whose signature this check accepts, and used only for such leaves).
/// `LeafVerdictTests` holds the shortcut to OpenSSL's own verdicts on the corpus and the fixtures.
/// Not thread-safe: one per worker.
public final class LeafVerdicts {
    /// What a kept verdict holds: OpenSSL's outcome with the chain above the leaf, and whether the
    /// bundle listed leaf then each issuer in turn.
    struct Entry {
        let outcome: ChainVerifier.Outcome
        let isInChainOrder: Bool
    }

    private var entries: [DERDigest: Entry] = [:]
    /// The P-256 issuer keys with tables of their multiples, shared with every other worker.
    let keyTables: IssuerKeyTables
    public let capacity: Int
    /// Verdicts taken from here, and leaves checked against a kept verdict that OpenSSL then decoded.
    public private(set) var hits = 0

    public convenience init(capacity: Int = 4096) {
        self.init(capacity: capacity, keyTables: .shared)
    }

    init(capacity: Int, keyTables: IssuerKeyTables) {
        self.capacity = capacity
        self.keyTables = keyTables
    }

    public var count: Int { entries.count }

    /// The kept verdict for a bundle whose first certificate is an undecoded leaf and whose others are
    /// decoded CA certificates of this worker, when the leaf's signature verifies with the issuer the
    /// verdict's chain names and the leaf issued none of the others (so it is the bundle's leaf).
    func verdict(for certificates: [X509Object], trust: TrustStore, asOf: Instant) -> Entry? {
        guard let leaf = certificates.first, let fields = leaf.fields, !leaf.isDecoded,
            let key = key(fields, others: certificates.dropFirst(), trust: trust, asOf: asOf),
            let entry = entries[key],
            certificates.dropFirst().allSatisfy({ X509_NAME_cmp(fields.subject, X509_get_issuer_name($0.pointer)) != 0 }
            ),
            signatureVerifies(fields, chain: entry.outcome.chain)
        else { return nil }
        hits += 1
        return entry
    }

    /// Keeps OpenSSL's verdict on a bundle's leaf (the first certificate, read field by field, then
    /// decoded) when another leaf can take it: see the type's documentation.
    func keep(
        _ outcome: ChainVerifier.Outcome, isInChainOrder: Bool, for certificates: [X509Object], trust: TrustStore,
        asOf: Instant
    ) {
        guard entries.count < capacity, let leaf = certificates.first, let fields = leaf.fields,
            outcome.chain.first?.pointer == leaf.pointer,
            let key = key(fields, others: certificates.dropFirst(), trust: trust, asOf: asOf), entries[key] == nil
        else { return }
        let above = Array(outcome.chain.dropFirst())
        guard !above.contains(where: { X509_get_ext_by_NID($0.pointer, NID_name_constraints, -1) >= 0 }),
            signatureVerifies(fields, chain: above)
        else { return }
        entries[key] = Entry(
            outcome: ChainVerifier.Outcome(
                verified: outcome.verified, error: outcome.error, message: outcome.message, chain: above),
            isInChainOrder: isInChainOrder)
    }

    /// The leaf's signature checked with the first certificate of the chain above it; true when
    /// OpenSSL found no issuer (its verdict then never read the signature).
    private func signatureVerifies(_ fields: LeafFields, chain above: [X509Object]) -> Bool {
        guard let issuer = above.first else { return true }
        return LeafSignatureCheck.verifies(fields, issuer: issuer.pointer, tables: keyTables)
    }

    /// The digest of what a verdict depends on beside the leaf's profile: the trust store and the time
    /// verified at (one per run, but a cache could outlive them), and the bundled certificates above
    /// the leaf (their DER's digests, in order); nil when one of those was not decoded from its DER by
    /// this worker.
    private func key(_ fields: LeafFields, others: ArraySlice<X509Object>, trust: TrustStore, asOf: Instant)
        -> DERDigest?
    {
        var material: [UInt8] = []
        withUnsafeBytes(of: UInt(bitPattern: ObjectIdentifier(trust).hashValue)) { material += $0 }
        withUnsafeBytes(of: asOf.secondsSinceEpoch) { material += $0 }
        for other in others {
            guard other.isDecoded, let digest = other.decodedFrom?.digest else { return nil }
            material += digest.bytes
        }
        material += Self.profile(fields)
        return material.withUnsafeBytes { DERDigest(of: $0) }
    }

    /// The OIDs whose values the profile leaves out (only their presence and criticality count):
    /// subjectKeyIdentifier and the signed certificate timestamps list.
    private static let valuesLeftOut: Set<[UInt8]> = [
        [0x06, 0x03, 0x55, 0x1d, 0x0e],
        [0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02],
    ]
    private static let subjectAltName: [UInt8] = [0x06, 0x03, 0x55, 0x1d, 0x11]

    /// The parts of the leaf OpenSSL's verdict can depend on, each length-prefixed.
    static func profile(_ fields: LeafFields) -> [UInt8] {
        let der = fields.der
        let layout = fields.layout
        var profile: [UInt8] = []
        func add<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { profile += $0 }
            profile += bytes
        }
        add(der[layout.innerAlgorithm.whole])
        add(der[layout.outerAlgorithm.whole])
        add(der[layout.issuer.whole])
        add([layout.notBefore.tag, layout.notAfter.tag])
        add([
            X509_NAME_entry_count(fields.subject) == 0 ? 1 : 0,
            isPositive(fields.serial) ? 1 : 0,
        ])
        add(der[layout.publicKeyAlgorithm.whole])
        add(String(fields.publicKey.bits).utf8)
        for item in layout.extensions {
            let oid = Array(der[item.oid.whole])
            add(oid)
            add([item.critical ? 1 : 0])
            if oid == subjectAltName {
                add([subjectAltNameCount(fields) > 0 ? 1 : 0])
            } else if !valuesLeftOut.contains(oid) {
                add(der[item.value.whole])
            }
        }
        return profile
    }

    private static func subjectAltNameCount(_ fields: LeafFields) -> Int32 {
        guard let extensions = fields.extensions,
            let raw = X509V3_get_d2i(extensions, NID_subject_alt_name, nil, nil)
        else { return 0 }
        let names = OpaquePointer(raw)
        defer { ca_GENERAL_NAMES_free(names) }
        return ca_sk_GENERAL_NAME_num(names)
    }

    /// Whether an ASN.1 INTEGER is above zero.
    private static func isPositive(_ integer: UnsafePointer<ASN1_INTEGER>) -> Bool {
        integer.pointee.type == V_ASN1_INTEGER && integer.pointee.length > 0
            && integer.pointee.data.map { bytes in (0..<Int(integer.pointee.length)).contains { bytes[$0] != 0 } }
                ?? false
    }
}
