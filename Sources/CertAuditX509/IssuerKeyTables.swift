internal import COpenSSL
import CertAuditShims
import Synchronization

/// The P-256 issuer keys leaf signatures are checked with, each given a table of its multiples
/// (`ECDSAKeyTable`) at its `threshold`th leaf, shared by every worker for the whole process: the
/// tables depend on nothing but the keys. A table costs about what 700 checks save (21 ms against
/// some 31 µs each), so a key gets one only once it has shown it signs many leaves: a key used
/// exactly `threshold` times pays about a third more than without a table, a key used ten times as
/// often about two fifths less. A key is its curve (P-256, named) and its point as the certificate
/// encodes it, read in place: no key is encoded or hashed anew per leaf. The verdicts do not depend
/// on which keys have tables: the check with a table is the same check.
final class IssuerKeyTables: Sendable {
    /// The tables every `LeafVerdicts` checks with unless given others.
    static let shared = IssuerKeyTables()

    private enum State {
        case counting(Int)
        case table(ECDSAKeyTable)
        /// OpenSSL made no table of it (a point off the curve): checked by `EVP_DigestVerify`.
        case unsupported
    }

    let threshold: Int
    /// Keys counted at most, and tables made at most (some 150 KB each); past either, a new key is
    /// checked by `EVP_DigestVerify` throughout.
    let capacity: Int
    let tableCapacity: Int
    private let states = Mutex<(keys: [[UInt8]: State], tables: Int)>(([:], 0))

    init(threshold: Int = 1024, capacity: Int = 4096, tableCapacity: Int = 16) {
        self.threshold = threshold
        self.capacity = capacity
        self.tableCapacity = tableCapacity
    }

    /// Tables made so far, and keys counted.
    var tables: Int { states.withLock { $0.tables } }
    var counted: Int { states.withLock { $0.keys.count } }

    /// Counts one more signature checked with `issuer`'s key (an `X509`), and returns the key's table
    /// if it has one (made now when this is its `threshold`th use); nil for a key not on P-256.
    func table(forKeyOf issuer: OpaquePointer) -> ECDSAKeyTable? {
        guard let point = Self.p256Point(issuer) else { return nil }
        return states.withLock { states in
            var uses = 0
            switch states.keys[point] {
            case .table(let table): return table
            case .unsupported: return nil
            case .counting(let counted): uses = counted
            case nil: guard states.keys.count < capacity else { return nil }
            }
            uses += 1
            guard uses >= threshold, states.tables < tableCapacity else {
                states.keys[point] = .counting(uses)
                return nil
            }
            guard let key = X509_get0_pubkey(issuer), let table = ECDSAKeyTable(key: key) else {
                states.keys[point] = .unsupported
                return nil
            }
            states.keys[point] = .table(table)
            states.tables += 1
            return table
        }
    }

    /// The encoded point of a certificate's public key when it is an EC key on the named curve P-256.
    static func p256Point(_ certificate: OpaquePointer) -> [UInt8]? {
        var algorithm: OpaquePointer?
        var bytes: UnsafePointer<UInt8>?
        var length: Int32 = 0
        var parameters: UnsafeMutablePointer<X509_ALGOR>?
        guard X509_PUBKEY_get0_param(&algorithm, &bytes, &length, &parameters, X509_get_X509_PUBKEY(certificate)) == 1,
            OBJ_obj2nid(algorithm) == NID_X9_62_id_ecPublicKey, let bytes, length > 0
        else { return nil }
        var type: Int32 = 0
        var value: UnsafeRawPointer?
        X509_ALGOR_get0(nil, &type, &value, parameters)
        guard type == V_ASN1_OBJECT, OBJ_obj2nid(OpaquePointer(value)) == NID_X9_62_prime256v1 else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
    }
}
