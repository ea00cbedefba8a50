/// What the tool knows about one X.509 certificate once OpenSSL has read it: compact values only, no
/// DER and no OpenSSL object, so a million of them fit in memory.
public struct CertificateFacts: Sendable, Hashable {
    /// One-line RFC 2253 distinguished name, e.g. `CN=www.example.com,O=Example,C=CN`. A domain-
    /// validated leaf's is `CN=` and its one common name: then it is held as that (`.commonName`)
    /// and made when read (the reports read it once or twice a certificate), not kept as a heap
    /// block of its own (64 bytes a leaf).
    public var subject: String {
        get {
            switch subjectStorage {
            case .own(let subject): subject
            case .commonName: Self.commonNamePrefix + (commonNames.first ?? "")
            }
        }
        set {
            subjectStorage = .own(newValue)
            holdSubjectCompactly()
        }
    }
    public var issuer: String {
        get { profile.value.issuer }
        set { changeProfile { $0.issuer = newValue } }
    }
    /// Serial number, upper-case hex without separators (a leading `-` for a negative serial).
    public var serialHex: String {
        get { serial.text }
        set { serial = HexText(newValue) }
    }
    /// OpenSSL's long name of the signature algorithm, e.g. `sha256WithRSAEncryption`, `SM2-with-SM3`.
    public var signatureAlgorithm: String {
        get { profile.value.signatureAlgorithm }
        set { changeProfile { $0.signatureAlgorithm = newValue } }
    }
    /// SHA-256 of the DER, lower-case hex without colons.
    public var fingerprintSHA256: String {
        get { fingerprint.text }
        set { fingerprint = HexText(newValue) }
    }
    /// Hex key identifiers, lower case; nil when the extension is absent.
    public var subjectKeyID: String? {
        get { subjectKey?.text }
        set { subjectKey = newValue.map(SpooledText.init) }
    }
    /// Shared by every leaf of one issuer (`EstateInterner`): kept as a string, one for them all.
    public var authorityKeyID: String? {
        get { profile.value.authorityKeyID }
        set { changeProfile { $0.authorityKeyID = newValue } }
    }
    /// What the issuer decided, in a box leaves of one CA share (`CertificateProfile`). Setting one
    /// of its fields makes a new box; the interner swaps equal boxes for one.
    public var profile: OutOfLine<CertificateProfile>
    public var notBefore: Instant
    public var notAfter: Instant
    /// The subject's common names, in certificate order: a slice, so that the usual single name,
    /// equal to the first DNS name, is read from the SANs' array (held as `.firstDNSName`) without an
    /// array of its own (48 bytes a leaf).
    public var commonNames: ArraySlice<String> {
        get {
            switch commonNameStorage {
            case .own(let names): names[...]
            case .firstDNSName: subjectAltNames.dnsNames.prefix(1)
            }
        }
        set { setNames(commonNames: Array(newValue), subjectAltNames: storedSubjectAltNames) }
    }
    public var subjectAltNames: SubjectAltNames {
        get { storedSubjectAltNames }
        set { setNames(commonNames: Array(commonNames), subjectAltNames: newValue) }
    }
    /// Where the common names are (see `commonNames`). One form for each value: equal facts are
    /// equal storages.
    private enum CommonNameStorage: Sendable, Hashable {
        case own([String])
        case firstDNSName
    }
    private var commonNameStorage: CommonNameStorage
    /// Where the subject is (see `subject`). One form for each value.
    private enum SubjectStorage: Sendable, Hashable {
        case own(String)
        case commonName
    }
    private var subjectStorage: SubjectStorage
    private static let commonNamePrefix = "CN="
    private var storedSubjectAltNames: SubjectAltNames
    /// The fingerprint and the serial, held as their bytes (`HexText`): unique to each leaf, they
    /// were heap blocks a certificate as strings. The fingerprint as held is the certificate's key in
    /// a table: `fingerprintSHA256` makes a string at each read.
    ///
    /// Stored after the word-sized fields, `isSelfIssued` in the room after the first (each
    /// `HexText` is 34 bytes), the key ID last: 153 bytes in all, the SANs' two arrays included.
    /// That keeps the boxed `BundleFacts` in mimalloc's 192-byte size class (see `BundleFacts`).
    public private(set) var fingerprint: HexText
    /// Subject and issuer names are equal (a root or a self-issued certificate).
    public var isSelfIssued: Bool
    private var serial: HexText
    /// In the text spool (`SpooledText`, 8 bytes; the inspect command is its only reader), not inline
    /// as bytes (34): the 26 bytes it saves bring `BundleFacts` under the 192-byte size class.
    private var subjectKey: SpooledText?
    /// Key usage bit names (`digitalSignature`, `keyCertSign`, …); nil when the extension is absent.
    public var keyUsage: [String]? {
        get { profile.value.keyUsage }
        set { changeProfile { $0.keyUsage = newValue } }
    }
    /// Extended key usage short names (`serverAuth`, `clientAuth`, or a dotted OID); nil when absent.
    public var extendedKeyUsage: [String]? {
        get { profile.value.extendedKeyUsage }
        set { changeProfile { $0.extendedKeyUsage = newValue } }
    }
    public var basicConstraints: BasicConstraints? {
        get { profile.value.basicConstraints }
        set { changeProfile { $0.basicConstraints = newValue } }
    }
    public var publicKey: PublicKeyFacts {
        get { profile.value.publicKey }
        set { changeProfile { $0.publicKey = newValue } }
    }

    public init(
        subject: String, issuer: String, serialHex: String, notBefore: Instant, notAfter: Instant,
        commonNames: [String], subjectAltNames: [SubjectAltName], publicKey: PublicKeyFacts,
        signatureAlgorithm: String, fingerprintSHA256: String, basicConstraints: BasicConstraints?,
        keyUsage: [String]?, extendedKeyUsage: [String]?, subjectKeyID: String?, authorityKeyID: String?,
        isSelfIssued: Bool
    ) {
        subjectStorage = .own(subject)
        serial = HexText(serialHex)
        self.notBefore = notBefore
        self.notAfter = notAfter
        commonNameStorage = .own(commonNames)
        storedSubjectAltNames = SubjectAltNames(subjectAltNames)
        fingerprint = HexText(fingerprintSHA256)
        subjectKey = subjectKeyID.map(SpooledText.init)
        self.isSelfIssued = isSelfIssued
        profile = OutOfLine(
            CertificateProfile(
                issuer: issuer, signatureAlgorithm: signatureAlgorithm, authorityKeyID: authorityKeyID,
                keyUsage: keyUsage, extendedKeyUsage: extendedKeyUsage, basicConstraints: basicConstraints,
                publicKey: publicKey))
        holdCommonNamesCompactly()
        holdSubjectCompactly()
    }

    /// Swaps the names' storage for equal values held elsewhere (the inventory row's), leaving the
    /// facts equal: the SANs take `array` itself when they are exactly those DNS names (one heap block
    /// for both), else each name `replace`'s string for it; own common names likewise (held as the
    /// first SAN, they share it already).
    public mutating func shareNames(array: [String]?, strings replace: (String) -> String) {
        if array.map({ storedSubjectAltNames.share($0) }) != true {
            storedSubjectAltNames.shareStrings(replace)
        }
        if case .own(let names) = commonNameStorage, !names.isEmpty {
            commonNameStorage = .own(names.map(replace))
        }
    }

    /// Sets both lists, the subject keeping its value: it is read before either changes, since a
    /// subject held as `.commonName` reads the common names, and they may read the SANs.
    private mutating func setNames(commonNames: [String], subjectAltNames: SubjectAltNames) {
        let subject = subject
        storedSubjectAltNames = subjectAltNames
        commonNameStorage = .own(commonNames)
        holdCommonNamesCompactly()
        subjectStorage = .own(subject)
        holdSubjectCompactly()
    }

    /// `.firstDNSName` when the common names are exactly the first SAN, a DNS name.
    private mutating func holdCommonNamesCompactly() {
        guard case .own(let names) = commonNameStorage, names.count == 1, storedSubjectAltNames.areAllDNSNames,
            let first = storedSubjectAltNames.first?.value, first.hasSameBytes(as: names[0])
        else { return }
        commonNameStorage = .firstDNSName
    }

    /// `.commonName` when the subject is `CN=` and the one common name, and too long to be held
    /// inside the `String` value (at most 15 bytes is no heap block: nothing to save).
    private mutating func holdSubjectCompactly() {
        guard case .own(let subject) = subjectStorage, subject.utf8.count > String.inlineUTF8Capacity,
            commonNames.count == 1,
            subject.hasPrefix(Self.commonNamePrefix),
            subject.utf8.dropFirst(Self.commonNamePrefix.utf8.count)
                .elementsEqual(commonNames[commonNames.startIndex].utf8)
        else { return }
        subjectStorage = .commonName
    }

    private mutating func changeProfile(_ change: (inout CertificateProfile) -> Void) {
        profile = profile.changed(change)
    }

    public var isCA: Bool { basicConstraints?.isCA ?? false }

    /// The DNS names among the SANs.
    public var dnsNames: [String] { subjectAltNames.dnsNames }

    /// Validity period in seconds, notBefore through notAfter inclusive (RFC 5280 §4.1.2.5).
    public var validitySeconds: Int64 { notAfter - notBefore + 1 }
}
