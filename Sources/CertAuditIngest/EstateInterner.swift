import CertAuditCore

/// Makes equal values across the estate share one storage. Swift strings longer than 15 UTF-8 bytes
/// and non-empty arrays live on the heap and are reference-counted, so keeping one canonical instance
/// per distinct value makes every copy a pointer to it: the issuer's profile (issuer DN, signature
/// algorithm, authority key ID, key usages, key kind: `CertificateProfile`, one box for every leaf a
/// CA issued alike) that 100,000 leaves repeat, the intermediates and the `others` array of each
/// distinct set of them, the tags and the chain verdicts' texts are stored once, not per certificate.
/// A leaf's SANs are its own row's `sans` array when they are exactly those DNS names (else they
/// and its common names share the strings of the row's `sans` and `domain` when equal), and the
/// row's `sans` its `domain` (they are unique to the certificate, so a table of them would cost
/// more than it saves).
///
/// Decisions: one interner serves the whole ingest, on one thread, in input order: first each
/// inventory row as the table reads it (so no row ever holds its own copy of a repeated value), then
/// each row's bundles as the parallel parse hands them back in input order. It needs no lock and the
/// first occurrence of each value becomes the canonical one whatever the thread count; only equal
/// values are swapped for each other, byte for byte (`ByteExactKey`), so no output can change. Its
/// tables live only for the ingest: the interner is dropped with them once the estate is built.
/// Strings of at most 15 UTF-8 bytes are stored inside the `String` value itself and are left as
/// they are.
///
/// The certificates' table holds the bundles' other certificates (intermediates, roots), not their
/// leaves: a leaf is its row's own, and a table of every leaf — each then a 280-byte value in a
/// dictionary of twice as many slots, keyed by its fingerprint's 64-character string — held about
/// 400 MB at a million certificates at the ingest's end, for the rare certificate listed twice. A
/// leaf is still found in the table (a bundle may serve as its leaf a certificate that is another's
/// intermediate), and its repeated fields are still shared. The table is keyed by the fingerprint as
/// it is held (`HexText`), so looking a certificate up makes no string.
struct EstateInterner {
    /// Each bundle's other certificates by fingerprint: one in many bundles (an intermediate) is one
    /// value.
    private var facts: [HexText: CertificateFacts] = [:]
    /// Each distinct `others` array, by its certificates' fingerprints.
    private var others: [[HexText]: [CertificateFacts]] = [:]
    /// Each distinct issuer profile: one box for all the leaves a CA issued alike.
    private var profiles: Set<ByteExactKey<OutOfLine<CertificateProfile>>> = []
    /// Each distinct chain verdict's remarks: one box for the bundles whose chains fail alike.
    private var verdictRemarks: Set<ByteExactKey<OutOfLine<ChainVerdict.Remarks>>> = []
    private var conclusions: Set<ByteExactKey<OutOfLine<BundleConclusions>>> = []
    private var strings: Set<ByteExactKey<String>> = []
    private var textBoxes: Set<ByteExactKey<OutOfLine<String>>> = []
    private var stringLists: Set<ByteExactKey<[String]>> = []
    private var tagLists: Set<ByteExactKey<[Tag]>> = []

    mutating func intern(_ certificate: Certificate) -> Certificate {
        var interned = Certificate(record: intern(certificate.record))
        attach(bundle: certificate.bundle, encryption: certificate.encryption, to: &interned)
        return interned
    }

    /// Gives `certificate`, whose row is already interned (the inventory's rows are interned as the
    /// table reads them), its bundles interned: each `BundleFacts` is boxed once, here, in place.
    mutating func attach(bundle: BundleFacts?, encryption: BundleFacts?, to certificate: inout Certificate) {
        certificate.bundle = bundle.map { intern($0, row: certificate.record) }
        certificate.encryption = encryption.map { intern($0, row: certificate.record) }
    }

    /// The row's values that repeat across an inventory (its unique ones — ID, paths, SANs — are left).
    mutating func intern(_ record: CertificateRecord) -> CertificateRecord {
        var record = record
        record.alias = intern(record.alias)
        record.issuingCA = intern(record.issuingCA)
        record.shareTexts { intern($0) }
        record.tags = intern(record.tags)
        record.packageTypeConflicts = intern(record.packageTypeConflicts)
        // A row's domain is most often one of its SANs too: one string for both (unique to the row,
        // so shared within it, not through a table). 50 bytes a row where the domain is long.
        if let domain = record.claimedDomain, domain.utf8.count > String.inlineUTF8Capacity,
            let sans = record.claimedSANs, sans.contains(domain)
        {
            record.claimedSANs = sans.map { Self.shared($0, from: [domain]) }
        }
        return record
    }

    /// `row` is the certificate's own row: the leaf's SANs and common names share its strings.
    mutating func intern(_ bundle: BundleFacts, row: CertificateRecord) -> BundleFacts {
        var bundle = bundle
        bundle.leaf = intern(bundle.leaf, row: row)
        let otherFacts = bundle.others.map { intern($0) }
        let fingerprints = otherFacts.map(\.fingerprint)
        if let shared = others[fingerprints] {
            bundle.others = shared
        } else {
            others[fingerprints] = otherFacts
            bundle.others = otherFacts
        }
        bundle.conclusions = intern(bundle.conclusions)
        return bundle
    }

    /// The certificate's one shared value when it was seen before (by fingerprint); otherwise this one,
    /// its repeated fields interned. A bundle's other certificate (no `row`) is kept for later copies
    /// to share; a leaf (`row` is its row) is not (see the type's comment).
    mutating func intern(_ certificate: CertificateFacts, row: CertificateRecord? = nil) -> CertificateFacts {
        if let shared = facts[certificate.fingerprint] { return shared }
        var certificate = certificate
        certificate.profile = intern(certificate.profile)
        if let row {
            let claimed = (row.claimedSANs ?? []) + (row.claimedDomain.map { [$0] } ?? [])
            certificate.shareNames(array: row.claimedSANs) { Self.shared($0, from: claimed) }
        } else {
            facts[certificate.fingerprint] = certificate
        }
        return certificate
    }

    /// The one box of the profile's value, its strings and lists shared with every other profile's.
    mutating func intern(_ profile: OutOfLine<CertificateProfile>) -> OutOfLine<CertificateProfile> {
        if let index = profiles.firstIndex(of: ByteExactKey(profile)) { return profiles[index].value }
        var value = profile.value
        value.issuer = intern(value.issuer)
        value.signatureAlgorithm = intern(value.signatureAlgorithm)
        value.publicKey.curve = intern(value.publicKey.curve)
        value.authorityKeyID = intern(value.authorityKeyID)
        value.keyUsage = value.keyUsage.map { intern($0) }
        value.extendedKeyUsage = value.extendedKeyUsage.map { intern($0) }
        return Self.first(OutOfLine(value), in: &profiles)
    }

    /// The one box of what a bundle concluded, for every bundle that concludes the same (most of an
    /// estate's), its texts and lists shared with the others'.
    mutating func intern(_ conclusions: OutOfLine<BundleConclusions>) -> OutOfLine<BundleConclusions> {
        if let index = self.conclusions.firstIndex(of: ByteExactKey(conclusions)) {
            return self.conclusions[index].value
        }
        var value = conclusions.value
        if value.key.problem != nil { value.key.problem = intern(value.key.problem) }
        value.chain.remarks = value.chain.remarks.map { intern($0) }
        // Rare (a ZIP download's other forms, a keystore): set only when there is something to share.
        if !value.formMismatches.isEmpty { value.formMismatches = intern(value.formMismatches) }
        if !value.unreadParts.isEmpty { value.unreadParts = intern(value.unreadParts) }
        return Self.first(OutOfLine(value), in: &self.conclusions)
    }

    /// The one box of a chain verdict's remarks: the bundles whose chains fail alike (OpenSSL's
    /// message, the same certificates off the path) share it.
    mutating func intern(_ remarks: OutOfLine<ChainVerdict.Remarks>) -> OutOfLine<ChainVerdict.Remarks> {
        if let index = verdictRemarks.firstIndex(of: ByteExactKey(remarks)) { return verdictRemarks[index].value }
        var value = remarks.value
        value.detail = intern(value.detail)
        value.unusedCertificates = intern(value.unusedCertificates)
        return Self.first(OutOfLine(value), in: &verdictRemarks)
    }

    mutating func intern(_ string: String) -> String {
        guard string.utf8.count > String.inlineUTF8Capacity else { return string }
        return Self.first(string, in: &strings)
    }

    /// The one box of a text a row keeps boxed (its brand, project or account), its string shared
    /// too when long.
    mutating func intern(_ box: OutOfLine<String>) -> OutOfLine<String> {
        if let index = textBoxes.firstIndex(of: ByteExactKey(box)) { return textBoxes[index].value }
        return Self.first(OutOfLine(intern(box.value)), in: &textBoxes)
    }

    mutating func intern(_ string: String?) -> String? {
        string.map { intern($0) }
    }

    mutating func intern(_ list: [String]) -> [String] {
        guard !list.isEmpty else { return list }
        return Self.first(list.map { intern($0) }, in: &stringLists)
    }

    mutating func intern(_ tags: [Tag]) -> [Tag] {
        guard !tags.isEmpty else { return tags }
        return Self.first(tags.map { Tag(key: intern($0.key), value: intern($0.value)) }, in: &tagLists)
    }

    /// The first value with `value`'s bytes the table was given: that one, or `value` from now on.
    private static func first<Value>(_ value: Value, in table: inout Set<ByteExactKey<Value>>) -> Value {
        table.insert(ByteExactKey(value)).memberAfterInsert.value
    }

    /// A resource's domain is most often its certificate's (resources.csv names the domain a resource
    /// serves): one string for both, found through the certificate the resource names. 64 bytes a
    /// resource where the domain is long; half a million resources at a million certificates.
    static func shareDomains(of resources: inout [ResourceRecord], with certificates: [Certificate]) {
        guard !resources.isEmpty else { return }
        let positions = PositionTable(count: certificates.count) { certificates[$0].id }
        for index in resources.indices {
            guard let domain = resources[index].domain, domain.utf8.count > String.inlineUTF8Capacity,
                let id = resources[index].certificateID,
                let position = positions.position(of: id, key: { certificates[$0].id })
            else { continue }
            let record = certificates[position].record
            if let claimed = record.claimedDomain, claimed.hasSameBytes(as: domain) {
                resources[index].domain = claimed
            } else if let san = record.claimedSANs?.first(where: { $0.hasSameBytes(as: domain) }) {
                resources[index].domain = san
            }
        }
    }

    /// `value`, or the string among `candidates` equal to it byte for byte (whose storage it then shares;
    /// not `==`, which also matches canonically equivalent spellings). A linear search: a certificate's
    /// own names are few, and a table per certificate would cost more.
    static func shared(_ value: String, from candidates: [String]) -> String {
        guard value.utf8.count > String.inlineUTF8Capacity else { return value }
        return candidates.first { $0.hasSameBytes(as: value) } ?? value
    }
}
