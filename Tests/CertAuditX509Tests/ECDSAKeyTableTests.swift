import COpenSSL
import CertAuditCore
import CertAuditShims
import Foundation
import Synchronization
import Testing

@testable import CertAuditX509

/// A signature checked with an issuer key's table of multiples (`ECDSAKeyTable`) must be accepted
/// exactly when `EVP_DigestVerify` accepts it: held here to OpenSSL on signatures made now with fresh
/// keys — valid ones under each digest, and every way of getting one wrong the DER layer and the
/// arithmetic can see — and on every certificate of the corpus and the fixtures through the leaf check.
struct ECDSAKeyTableTests {
    /// A fresh key of `algorithm` ("EC" with `group`, or "RSA").
    static func key(_ algorithm: String, group: String? = nil) throws -> OpaquePointer {
        let context = try #require(EVP_PKEY_CTX_new_from_name(nil, algorithm, nil))
        defer { EVP_PKEY_CTX_free(context) }
        #expect(EVP_PKEY_keygen_init(context) == 1)
        if let group { #expect(EVP_PKEY_CTX_set_group_name(context, group) == 1) }
        if algorithm == "RSA" { #expect(EVP_PKEY_CTX_set_rsa_keygen_bits(context, 2048) == 1) }
        var key: OpaquePointer?
        #expect(EVP_PKEY_generate(context, &key) == 1)
        return try #require(key)
    }

    static func digestAlgorithm(_ name: String) throws -> OpaquePointer {
        try #require(EVP_MD_fetch(nil, name, nil))
    }

    /// `key`'s DER signature of `message` with `digest`.
    static func sign(_ message: [UInt8], key: OpaquePointer, digest: OpaquePointer) throws -> [UInt8] {
        let context = try #require(EVP_MD_CTX_new())
        defer { EVP_MD_CTX_free(context) }
        #expect(EVP_DigestSignInit(context, nil, digest, nil, key) == 1)
        var length = 0
        #expect(EVP_DigestSign(context, nil, &length, message, message.count) == 1)
        var signature = [UInt8](repeating: 0, count: length)
        #expect(EVP_DigestSign(context, &signature, &length, message, message.count) == 1)
        return Array(signature.prefix(length))
    }

    /// OpenSSL's verdict, as `LeafSignatureCheck` asks for it without a table.
    static func evpVerifies(_ signature: [UInt8], of message: [UInt8], key: OpaquePointer, digest: OpaquePointer)
        -> Bool
    {
        defer { ERR_clear_error() }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, digest, nil, key) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }

    /// The table's verdict on the message's digest.
    static func tableVerifies(_ signature: [UInt8], of message: [UInt8], table: ECDSAKeyTable, digest: OpaquePointer)
        -> Bool
    {
        var hash = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        #expect(EVP_Digest(message, message.count, &hash, &length, digest, nil) == 1)
        return hash.withUnsafeBytes { hashBytes in
            signature.withUnsafeBytes {
                table.verifies(digest: UnsafeRawBufferPointer(rebasing: hashBytes.prefix(Int(length))), signature: $0)
            }
        }
    }

    /// A DER length, short or long form.
    static func length(_ count: Int) -> [UInt8] {
        count < 0x80 ? [UInt8(count)] : [0x81, UInt8(count)]
    }

    /// An ECDSA-Sig-Value from the contents of its two INTEGERs as given (minimal or not).
    static func signature(r: [UInt8], s: [UInt8]) -> [UInt8] {
        let body = [0x02] + length(r.count) + r + [0x02] + length(s.count) + s
        return [0x30] + length(body.count) + body
    }

    /// The two INTEGERs' contents of a DER signature OpenSSL made (short-form lengths: P-256's are).
    static func integers(of signature: [UInt8]) -> (r: [UInt8], s: [UInt8]) {
        let rLength = Int(signature[3])
        let r = Array(signature[4..<(4 + rLength)])
        let sLength = Int(signature[5 + rLength])
        return (r, Array(signature[(6 + rLength)..<(6 + rLength + sLength)]))
    }

    /// An unsigned big-endian number as a minimal INTEGER's contents.
    static func integer(_ magnitude: [UInt8]) -> [UInt8] {
        let trimmed = Array(magnitude.drop { $0 == 0 })
        guard let first = trimmed.first else { return [0] }
        return first >= 0x80 ? [0] + trimmed : trimmed
    }

    static func unsigned(_ integer: [UInt8]) -> [UInt8] { Array(integer.drop { $0 == 0 }) }

    /// a - b for big-endian magnitudes, a ≥ b.
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        let b = [UInt8](repeating: 0, count: a.count - b.count) + b
        var result = a
        var borrow = 0
        for index in stride(from: a.count - 1, through: 0, by: -1) {
            var value = Int(a[index]) - Int(b[index]) - borrow
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 256 }
            result[index] = UInt8(value)
        }
        return result
    }

    /// a + b for big-endian magnitudes.
    static func add(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        let width = max(a.count, b.count) + 1
        let a = [UInt8](repeating: 0, count: width - a.count) + a
        let b = [UInt8](repeating: 0, count: width - b.count) + b
        var result = [UInt8](repeating: 0, count: width)
        var carry = 0
        for index in stride(from: width - 1, through: 0, by: -1) {
            let value = Int(a[index]) + Int(b[index]) + carry
            result[index] = UInt8(value & 0xff)
            carry = value >> 8
        }
        return result
    }

    /// P-256's order n, big-endian.
    static let order: [UInt8] = {
        let group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1)
        defer { EC_GROUP_free(group) }
        var bytes = [UInt8](repeating: 0, count: 32)
        BN_bn2bin(EC_GROUP_get0_order(group), &bytes)
        return bytes
    }()

    /// Valid signatures under SHA-256, -384 and -512 (the longer digests cut to the order's 256 bits),
    /// and each made invalid every way there is: both checks agree on every one, and accept exactly the
    /// valid ones and their high-S twins (OpenSSL does not ask for low S).
    @Test func theTableAcceptsExactlyWhatOpenSSLAccepts() throws {
        let key = try Self.key("EC", group: "P-256")
        defer { EVP_PKEY_free(key) }
        let other = try Self.key("EC", group: "P-256")
        defer { EVP_PKEY_free(other) }
        let table = try #require(ECDSAKeyTable(key: key))
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        var accepted = 0
        for digestName in ["SHA256", "SHA384", "SHA512"] {
            let digest = try Self.digestAlgorithm(digestName)
            defer { EVP_MD_free(digest) }
            for round in 0..<40 {
                let message = (0..<(round * 37 % 900)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let valid = try Self.sign(message, key: key, digest: digest)
                let (r, s) = Self.integers(of: valid)
                var flipped = valid
                flipped[Int.random(in: 0..<flipped.count, using: &generator)] ^= 1 << UInt8.random(in: 0...7)
                var otherMessage = message
                otherMessage.append(0)
                let highS = Self.integer(Self.subtract(Self.order, Self.unsigned(s)))
                let cases: [(String, [UInt8], [UInt8])] = [
                    ("valid", valid, message),
                    ("high S", Self.signature(r: r, s: highS), message),
                    ("another message", valid, otherMessage),
                    ("another key's", try Self.sign(message, key: other, digest: digest), message),
                    ("a bit flipped", flipped, message),
                    ("r and s swapped", Self.signature(r: s, s: r), message),
                    ("r = 0", Self.signature(r: [0], s: s), message),
                    ("s = 0", Self.signature(r: r, s: [0]), message),
                    ("r = n", Self.signature(r: Self.integer(Self.order), s: s), message),
                    ("s = n", Self.signature(r: r, s: Self.integer(Self.order)), message),
                    (
                        "r + n", Self.signature(r: Self.integer(Self.add(Self.unsigned(r), Self.order)), s: s),
                        message
                    ),
                    ("s = n + 1", Self.signature(r: r, s: Self.integer(Self.add(Self.order, [1]))), message),
                    (
                        "s + n", Self.signature(r: r, s: Self.integer(Self.add(Self.unsigned(s), Self.order))),
                        message
                    ),
                    ("r negative", Self.signature(r: [0x80] + Self.unsigned(r).dropFirst(), s: s), message),
                    ("r not minimal", Self.signature(r: [0] + r, s: s), message),
                    ("a long-form length", [0x30, 0x81] + valid.dropFirst(1), message),
                    ("a byte after it", valid + [0], message),
                    ("cut short", Array(valid.dropLast()), message),
                    ("empty", [], message),
                ]
                for (name, signature, signed) in cases {
                    let openSSL = Self.evpVerifies(signature, of: signed, key: key, digest: digest)
                    let withTable = Self.tableVerifies(signature, of: signed, table: table, digest: digest)
                    #expect(withTable == openSSL, "\(digestName) round \(round): \(name)")
                    if name == "valid" || name == "high S" { #expect(openSSL, "\(digestName): \(name)") }
                    compared += 1
                    if withTable { accepted += 1 }
                }
            }
        }
        #expect(compared == 3 * 40 * 19)
        // The valid and high-S signatures, and a flipped bit where DER ignores it (none in practice).
        #expect(accepted >= 3 * 40 * 2 && accepted <= 3 * 40 * 3)
    }

    /// Only P-256 keys get a table: P-384 (a table made OpenSSL 3.0's check slower), P-521, RSA and
    /// Ed25519 keys are checked by `EVP_DigestVerify`.
    @Test func onlyAP256KeyGetsATable() throws {
        for (algorithm, group) in [("EC", "P-384"), ("EC", "P-521"), ("RSA", nil), ("ED25519", nil)] {
            let key = try Self.key(algorithm, group: group)
            defer { EVP_PKEY_free(key) }
            #expect(ECDSAKeyTable(key: key) == nil, "\(algorithm) \(group ?? "")")
        }
        let key = try Self.key("EC", group: "P-256")
        defer { EVP_PKEY_free(key) }
        #expect(ECDSAKeyTable(key: key) != nil)
    }

    /// A bare certificate holding only `key`: all `IssuerKeyTables` reads of an issuer.
    static func certificate(with key: OpaquePointer) throws -> OpaquePointer {
        let certificate = try #require(X509_new())
        #expect(X509_set_pubkey(certificate, key) == 1)
        return certificate
    }

    /// A P-256 key gets its table at its `threshold`th leaf, not before, and keeps it; other keys are
    /// not counted; past `capacity` keys a new one is not counted, past `tableCapacity` tables a key
    /// gets none.
    @Test func aKeyGetsItsTableAtItsThresholdthLeaf() throws {
        let keys = try [
            Self.key("EC", group: "P-256"), Self.key("EC", group: "P-256"), Self.key("EC", group: "P-256"),
            Self.key("RSA"), Self.key("EC", group: "P-384"),
        ]
        let certificates = try keys.map(Self.certificate(with:))
        defer {
            for item in certificates { X509_free(item) }
            for item in keys { EVP_PKEY_free(item) }
        }
        let (first, second, third, rsa, p384) = (
            certificates[0], certificates[1], certificates[2], certificates[3], certificates[4]
        )
        let tables = IssuerKeyTables(threshold: 3, capacity: 2, tableCapacity: 1)
        #expect(tables.table(forKeyOf: first) == nil)
        #expect(tables.table(forKeyOf: first) == nil)
        let made = try #require(tables.table(forKeyOf: first))
        #expect(tables.table(forKeyOf: first) === made)
        for other in [rsa, p384] {
            for _ in 0..<5 { #expect(tables.table(forKeyOf: other) == nil) }
        }
        #expect(tables.counted == 1)
        for _ in 0..<5 { #expect(tables.table(forKeyOf: second) == nil) }
        #expect(tables.counted == 2 && tables.tables == 1)
        for _ in 0..<5 { #expect(tables.table(forKeyOf: third) == nil) }
        #expect(tables.counted == 2 && tables.tables == 1)
    }

    /// Workers asking at once for one key's table get one table between them.
    @Test func workersShareOneTable() throws {
        let key = try Self.key("EC", group: "P-256")
        let certificate = try Self.certificate(with: key)
        defer {
            X509_free(certificate)
            EVP_PKEY_free(key)
        }
        let tables = IssuerKeyTables(threshold: 50)
        let address = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(certificate)))
        let found = Mutex<Set<ObjectIdentifier>>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let issuer = OpaquePointer(bitPattern: address)!
            for _ in 0..<40 {
                if let table = tables.table(forKeyOf: issuer) {
                    found.withLock { _ = $0.insert(ObjectIdentifier(table)) }
                }
            }
        }
        #expect(tables.tables == 1)
        #expect(found.withLock { $0.count } == 1)
    }

    /// One table checks signatures on eight threads at once, each answer the one OpenSSL gives.
    @Test func oneTableChecksOnManyThreadsAtOnce() throws {
        let key = try Self.key("EC", group: "P-256")
        defer { EVP_PKEY_free(key) }
        let digest = try Self.digestAlgorithm("SHA256")
        defer { EVP_MD_free(digest) }
        let table = try #require(ECDSAKeyTable(key: key))
        let messages = (0..<16).map { index in Array("message \(index)".utf8) }
        let signatures = try messages.map { try Self.sign($0, key: key, digest: digest) }
        let answers = Mutex<[Bool]>([])
        let digestAddress = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(digest)))
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let digest = OpaquePointer(bitPattern: digestAddress)!
            var mine: [Bool] = []
            for round in 0..<50 {
                let index = (worker + round) % messages.count
                // Its own message verifies; the next one's does not.
                mine.append(Self.tableVerifies(signatures[index], of: messages[index], table: table, digest: digest))
                mine.append(
                    !Self.tableVerifies(
                        signatures[index], of: messages[(index + 1) % messages.count], table: table, digest: digest))
            }
            answers.withLock { $0 += mine }
        }
        #expect(answers.withLock { $0.count } == 8 * 50 * 2)
        #expect(answers.withLock { $0.allSatisfy { $0 } })
    }

    /// The table compares x(u1·G + u2·Q) mod n with r in Jacobian coordinates, where x ≥ n (x < p <
    /// 2n) means r = x − n: signatures whose point R has an x at least the order, or an x below p − n,
    /// are made by choosing R first and the key after it (Q = r⁻¹·(s·R − e·G), so that (r, s) signs e),
    /// and judged as `EVP_DigestVerify` judges them: x ≥ n with r = x − n is valid, r = x + p − n (which
    /// X ≡ (r + n)·Z² would take without its r + n < p guard) is not, nor is an r one off.
    @Test func aPointWhoseXPassesTheOrderIsJudgedAsOpenSSLJudgesIt() throws {
        try Self.withP256 { context, group, order in
            let field = try #require(EC_GROUP_get0_field(group))
            let digest = try Self.digestAlgorithm("SHA256")
            defer { EVP_MD_free(digest) }
            var verdicts: [String: [Bool]] = [:]
            for round in 0..<30 {
                let kind = ["x ≥ n, r = x − n", "r = x + p − n", "x < n, r = x"][round % 3]
                let numbers = (0..<6).compactMap { _ in BN_new() }
                defer { for number in numbers { BN_free(number) } }
                let (x, r, s, e, scratch, inverse) = (
                    numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]
                )
                // R: the first point with an x at or after a random start in the kind's range.
                if round % 3 == 2 {
                    #expect(BN_rand_range(x, order) == 1)
                } else {
                    #expect(BN_sub(scratch, field, order) == 1 && BN_rand_range(x, scratch) == 1)
                    if round % 3 == 0 { #expect(BN_add(x, x, order) == 1) }
                }
                let point = try #require(EC_POINT_new(group))
                let sum = try #require(EC_POINT_new(group))
                defer {
                    EC_POINT_free(point)
                    EC_POINT_free(sum)
                }
                while EC_POINT_set_compressed_coordinates(group, point, x, 0, context) != 1 {
                    ERR_clear_error()
                    #expect(BN_add_word(x, 1) == 1)
                }
                guard BN_cmp(x, field) < 0 else { continue }
                // x mod n, the r the point stands for, or for the second kind x + p − n, which is not.
                #expect(BN_nnmod(r, x, order, context) == 1)
                if round % 3 == 1 { #expect(BN_add(r, x, field) == 1 && BN_sub(r, r, order) == 1) }
                #expect(BN_rand_range(s, order) == 1 && BN_add_word(s, 1) == 1)
                let message = (0..<32).map { _ in UInt8.random(in: 0...255) }
                var hash = [UInt8](repeating: 0, count: 32)
                #expect(EVP_Digest(message, message.count, &hash, nil, digest, nil) == 1)
                #expect(
                    BN_bin2bn(hash, 32, e) != nil && BN_nnmod(e, e, order, context) == 1 && BN_sub(e, order, e) == 1)
                // Q = r⁻¹·(s·R − e·G): (r, s) signs e with it and leads back to R.
                #expect(EC_POINT_mul(group, sum, e, point, s, context) == 1)
                #expect(BN_mod_inverse(inverse, r, order, context) != nil)
                #expect(EC_POINT_mul(group, sum, nil, sum, inverse, context) == 1)
                guard EC_POINT_is_at_infinity(group, sum) == 0 else { continue }
                let key = try Self.publicKey(of: sum, in: group, context: context)
                defer { EVP_PKEY_free(key) }
                let table = try #require(ECDSAKeyTable(key: key))
                var rBytes = [UInt8](repeating: 0, count: 33)
                var sBytes = [UInt8](repeating: 0, count: 32)
                let offsets = [Int32(0), 1, -1]
                for offset in offsets {
                    #expect(BN_copy(scratch, r) != nil)
                    if offset > 0 { #expect(BN_add_word(scratch, 1) == 1) }
                    if offset < 0 { #expect(BN_sub_word(scratch, 1) == 1) }
                    #expect(BN_bn2binpad(scratch, &rBytes, 33) == 33 && BN_bn2binpad(s, &sBytes, 32) == 32)
                    let signature = Self.signature(r: Self.integer(rBytes), s: Self.integer(sBytes))
                    let openSSL = Self.evpVerifies(signature, of: message, key: key, digest: digest)
                    #expect(Self.tableVerifies(signature, of: message, table: table, digest: digest) == openSSL)
                    verdicts[kind + (offset == 0 ? "" : ", r off by one"), default: []].append(openSSL)
                }
            }
            // Each kind was made and judged as expected, so the comparison met every case.
            #expect(verdicts["x ≥ n, r = x − n"]?.allSatisfy { $0 } == true)
            #expect(verdicts["x < n, r = x"]?.allSatisfy { $0 } == true)
            #expect(verdicts["r = x + p − n"]?.allSatisfy { !$0 } == true)
            #expect(verdicts.filter { $0.key.hasSuffix("off by one") }.values.joined().allSatisfy { !$0 })
            #expect(verdicts["x ≥ n, r = x − n"]?.count ?? 0 >= 5)
        }
    }

    /// When u1·G + u2·Q is the point at infinity (a digest e ≡ −r·d for the key's private d), there is
    /// no x to compare and no signature, whatever r and s are: the table rejects it as OpenSSL does
    /// (`EVP_PKEY_verify` on the digest), the Jacobian comparison's Z = 0 included.
    @Test func aSumAtInfinityIsNoSignature() throws {
        try Self.withP256 { context, group, order in
            let numbers = (0..<4).compactMap { _ in BN_new() }
            defer { for number in numbers { BN_free(number) } }
            let (d, r, s, e) = (numbers[0], numbers[1], numbers[2], numbers[3])
            #expect(BN_rand_range(d, order) == 1 && BN_add_word(d, 1) == 1)
            let point = try #require(EC_POINT_new(group))
            defer { EC_POINT_free(point) }
            #expect(EC_POINT_mul(group, point, d, nil, nil, context) == 1)
            let key = try Self.publicKey(of: point, in: group, context: context)
            defer { EVP_PKEY_free(key) }
            let table = try #require(ECDSAKeyTable(key: key))
            var checked = 0
            for _ in 0..<20 {
                #expect(BN_rand_range(r, order) == 1 && BN_add_word(r, 1) == 1 && BN_cmp(r, order) < 0)
                #expect(BN_rand_range(s, order) == 1 && BN_add_word(s, 1) == 1 && BN_cmp(s, order) < 0)
                // e ≡ −r·d: u1·G + u2·Q = s⁻¹·(e + r·d)·G = 0·G.
                #expect(BN_mod_mul(e, r, d, order, context) == 1 && BN_sub(e, order, e) == 1)
                var digest = [UInt8](repeating: 0, count: 32)
                var rBytes = [UInt8](repeating: 0, count: 32)
                var sBytes = [UInt8](repeating: 0, count: 32)
                #expect(BN_bn2binpad(e, &digest, 32) == 32 && BN_bn2binpad(r, &rBytes, 32) == 32)
                #expect(BN_bn2binpad(s, &sBytes, 32) == 32)
                let signature = Self.signature(r: Self.integer(rBytes), s: Self.integer(sBytes))
                let ours = digest.withUnsafeBytes { hash in
                    signature.withUnsafeBytes { table.verifies(digest: hash, signature: $0) }
                }
                let verifying = try #require(EVP_PKEY_CTX_new(key, nil))
                defer { EVP_PKEY_CTX_free(verifying) }
                #expect(EVP_PKEY_verify_init(verifying) == 1)
                let openSSL = EVP_PKEY_verify(verifying, signature, signature.count, digest, digest.count) == 1
                ERR_clear_error()
                #expect(!ours && !openSSL)
                checked += 1
            }
            #expect(checked == 20)
        }
    }

    /// Runs `body` with a `BN_CTX`, the P-256 group and the group's order, freed after it.
    static func withP256<Result>(
        _ body: (_ context: OpaquePointer, _ group: OpaquePointer, _ order: OpaquePointer) throws -> Result
    ) throws -> Result {
        let context = try #require(BN_CTX_new())
        defer { BN_CTX_free(context) }
        let group = try #require(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1))
        defer { EC_GROUP_free(group) }
        return try body(context, group, try #require(EC_GROUP_get0_order(group)))
    }

    /// The P-256 public key at `point`.
    static func publicKey(of point: OpaquePointer, in group: OpaquePointer, context: OpaquePointer) throws
        -> OpaquePointer
    {
        var encoded = [UInt8](repeating: 0, count: 65)
        #expect(EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, &encoded, 65, context) == 65)
        return try publicKey(encoded)
    }

    /// A P-256 public key from its uncompressed point.
    static func publicKey(_ point: [UInt8]) throws -> OpaquePointer {
        let context = try #require(EVP_PKEY_CTX_new_from_name(nil, "EC", nil))
        defer { EVP_PKEY_CTX_free(context) }
        #expect(EVP_PKEY_fromdata_init(context) == 1)
        // OpenSSL keeps the pointers it is given, the names' too: every string is lent for the call.
        let texts = ["group", "pub", "prime256v1"].map { Array($0.utf8CString) }
        var key: OpaquePointer?
        texts[0].withUnsafeBufferPointer { groupName in
            texts[1].withUnsafeBufferPointer { pointName in
                var curve = texts[2]
                var point = point
                curve.withUnsafeMutableBufferPointer { curve in
                    point.withUnsafeMutableBytes { bytes in
                        var parameters = [
                            OSSL_PARAM_construct_utf8_string(groupName.baseAddress, curve.baseAddress, 0),
                            OSSL_PARAM_construct_octet_string(pointName.baseAddress, bytes.baseAddress, bytes.count),
                            OSSL_PARAM_construct_end(),
                        ]
                        let selection =
                            OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS | OSSL_KEYMGMT_SELECT_OTHER_PARAMETERS
                            | OSSL_KEYMGMT_SELECT_PUBLIC_KEY
                        #expect(EVP_PKEY_fromdata(context, &key, selection, &parameters) == 1)
                    }
                }
            }
        }
        return try #require(key)
    }

    /// The inverse modulo P-256's order is OpenSSL's, for the edges and for random numbers; an even
    /// modulus, a zero or a number wider than 256 bits get none.
    @Test func theInverseIsOpenSSLs() throws {
        let context = try #require(BN_CTX_new())
        defer { BN_CTX_free(context) }
        let order = try #require(BN_bin2bn(Self.order, Int32(Self.order.count), nil))
        let number = try #require(BN_new())
        let ours = try #require(BN_new())
        let theirs = try #require(BN_new())
        defer { for item in [order, number, ours, theirs] { BN_free(item) } }
        var compared = 0
        for round in 0..<2000 {
            switch round {
            case 0: BN_set_word(number, 1)
            case 1: BN_set_word(number, 2)
            case 2: BN_sub(number, order, BN_value_one())
            default: #expect(BN_rand_range(number, order) == 1)
            }
            if BN_is_zero(number) == 1 { continue }
            #expect(ca_inverse_mod(ours, number, order) == 1)
            #expect(BN_mod_inverse(theirs, number, order, context) != nil)
            #expect(BN_cmp(ours, theirs) == 0, "round \(round)")
            compared += 1
        }
        #expect(compared > 1990)
        BN_set_word(number, 5)
        let even = try #require(BN_new())
        let wide = try #require(BN_new())
        defer { for item in [even, wide] { BN_free(item) } }
        BN_set_word(even, 1 << 20)
        #expect(ca_inverse_mod(ours, number, even) == 0)
        BN_zero_ex(number)
        #expect(ca_inverse_mod(ours, number, order) == 0)
        #expect(BN_lshift(wide, order, 1) == 1 && BN_add_word(wide, 1) == 1)
        BN_set_word(number, 5)
        #expect(ca_inverse_mod(ours, number, wide) == 0)
    }

    /// Every certificate of the corpus and the fixtures, checked against each P-256 CA key among them
    /// whose certificate names its issuer, and against two that do not, with the first 64 keys' tables
    /// from their first use (a table takes 21 ms), is judged as `EVP_DigestVerify` judges it.
    @Test func theLeafCheckWithTablesIsTheLeafCheckWithout() throws {
        let keys = PublicKeyInfoReader()
        let certificates = LeafVerdictTests.everyCertificate
        let issuers = certificates.compactMap { X509Object.fromDER($0.der) }.filter {
            X509_check_ca($0.pointer) != 0 && IssuerKeyTables.p256Point($0.pointer) != nil
        }
        #expect(issuers.count > 5)
        let tables = IssuerKeyTables(threshold: 1, tableCapacity: 64)
        var compared = 0
        var verified = 0
        for (name, der) in certificates {
            guard let fields = LeafFields(der, keys: keys) else { continue }
            let named = issuers.filter { X509_NAME_cmp(X509_get_subject_name($0.pointer), fields.issuer) == 0 }
            for issuer in named + issuers.prefix(2) {
                let withTable = LeafSignatureCheck.verifies(fields, issuer: issuer.pointer, tables: tables)
                let without = LeafSignatureCheck.verifies(fields, issuer: issuer.pointer)
                #expect(withTable == without, "\(name)")
                compared += 1
                if withTable && tables.table(forKeyOf: issuer.pointer) != nil { verified += 1 }
            }
        }
        #expect(tables.tables == 64)
        #expect(compared > 1000, "\(issuers.count) issuers, \(tables.tables) tables")
        #expect(verified > 20, "\(verified) of \(compared)")
    }
}
