import CertAuditCore
import CertAuditX509

/// The JSON form of `certaudit inspect`: the same facts as the text form, for machines.
struct InspectionJSON: Encodable {
    struct Certificate: Encodable {
        let leaf: Bool
        let subject, issuer, serial, notBefore, notAfter, signatureAlgorithm, sha256: String
        let keyAlgorithm: String
        let keyBits: Int
        let keyCurve: String?
        let subjectAltNames: [String]
        let isCA: Bool?
        let pathLength: Int?
        let keyUsage, extendedKeyUsage: [String]?
        let subjectKeyID, authorityKeyID: String?
    }

    struct Key: Encodable {
        let present, encrypted: Bool
        let matchesLeaf: Bool?
        let problem: String?
    }

    struct Chain: Encodable {
        let status: String
        let length: Int
        let inOrder: Bool
        let earliestExpiry: String?
        let detail: String?
        let notOnChain: [String]
    }

    let path: String
    let error: String?
    let certificates: [Certificate]
    let key: Key?
    let chain: Chain?
    let otherBlocks: [String]
    /// The console ZIP's forms that disagree with the one read, and parts listed but not read.
    let formMismatches: [String]
    let notRead: [String]

    init(_ inspection: FileInspection, zone: RunTimeZone) {
        path = inspection.path
        error = inspection.error?.message
        certificates = inspection.certificates.enumerated().map { index, facts in
            Certificate(
                leaf: index == inspection.leafIndex, subject: facts.subject, issuer: facts.issuer,
                serial: facts.serialHex,
                notBefore: zone.iso8601(facts.notBefore), notAfter: zone.iso8601(facts.notAfter),
                signatureAlgorithm: facts.signatureAlgorithm, sha256: facts.fingerprintSHA256,
                keyAlgorithm: facts.publicKey.algorithm.rawValue, keyBits: facts.publicKey.bits,
                keyCurve: facts.publicKey.curve,
                subjectAltNames: facts.subjectAltNames.map { "\($0.kind.rawValue):\($0.value)" },
                isCA: facts.basicConstraints?.isCA, pathLength: facts.basicConstraints?.pathLength,
                keyUsage: facts.keyUsage,
                extendedKeyUsage: facts.extendedKeyUsage, subjectKeyID: facts.subjectKeyID,
                authorityKeyID: facts.authorityKeyID)
        }
        key = inspection.bundle.map {
            Key(
                present: $0.key.present, encrypted: $0.key.encrypted, matchesLeaf: $0.key.matchesLeaf,
                problem: $0.key.problem)
        }
        chain = inspection.bundle.map {
            Chain(
                status: $0.chain.status.rawValue, length: $0.chain.length, inOrder: $0.isInChainOrder,
                earliestExpiry: $0.earliestExpiry.map(zone.iso8601), detail: $0.chain.detail,
                notOnChain: $0.chain.unusedCertificates)
        }
        otherBlocks = inspection.otherBlocks
        formMismatches = inspection.bundle?.formMismatches ?? []
        notRead = inspection.bundle?.unreadParts ?? []
    }
}
