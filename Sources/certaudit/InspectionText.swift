import CertAuditCore
import CertAuditX509

/// The text form of `certaudit inspect`: one block per file, one paragraph per certificate.
enum InspectionText {
    static func render(_ inspection: FileInspection, zone: RunTimeZone) -> String {
        var lines = ["== \(inspection.path)"]
        if let error = inspection.error { lines.append("error: \(error.message)") }
        for (index, certificate) in inspection.certificates.enumerated() {
            let role = index == inspection.leafIndex ? " (leaf)" : ""
            lines.append("certificate \(index + 1)\(role)")
            lines += describe(certificate, zone: zone).map { "  " + $0 }
        }
        if let bundle = inspection.bundle {
            let key = bundle.key
            let keyText =
                !key.present
                ? "absent"
                : key.problem.map { "unreadable: \($0)" }
                    ?? (key.encrypted
                        ? "encrypted (not checked)"
                        : (key.matchesLeaf == true ? "present, matches the leaf" : "present, does NOT match the leaf"))
            lines.append("key: \(keyText)")
            let chain = bundle.chain
            lines.append(
                "chain: \(chain.status.rawValue), length \(chain.length)" + (chain.detail.map { " — \($0)" } ?? ""))
            lines.append(
                "chain order: " + (bundle.isInChainOrder ? "leaf first, then each issuer" : "NOT in chain order"))
            if let earliest = bundle.earliestExpiry { lines.append("chain expires: \(zone.iso8601(earliest))") }
            for mismatch in bundle.formMismatches { lines.append("form check: \(mismatch)") }
            for part in bundle.unreadParts { lines.append("not read: \(part)") }
            if !chain.unusedCertificates.isEmpty {
                lines.append("not on the chain: " + chain.unusedCertificates.joined(separator: ", "))
            }
        }
        if !inspection.otherBlocks.isEmpty {
            lines.append("other blocks: " + inspection.otherBlocks.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ facts: CertificateFacts, zone: RunTimeZone) -> [String] {
        var lines = [
            "subject: \(facts.subject)", "issuer: \(facts.issuer)", "serial: \(facts.serialHex)",
            "not before: \(zone.iso8601(facts.notBefore))", "not after: \(zone.iso8601(facts.notAfter))",
            "key: \(facts.publicKey.algorithm.rawValue) \(facts.publicKey.bits) bits"
                + (facts.publicKey.curve.map { " (\($0))" } ?? ""),
            "signature: \(facts.signatureAlgorithm)", "sha256: \(facts.fingerprintSHA256)",
        ]
        if !facts.subjectAltNames.isEmpty {
            lines.append(
                "SANs: " + facts.subjectAltNames.map { "\($0.kind.rawValue):\($0.value)" }.joined(separator: ", "))
        }
        if let constraints = facts.basicConstraints {
            lines.append(
                "basic constraints: CA:\(constraints.isCA ? "TRUE" : "FALSE")"
                    + (constraints.pathLength.map { ", pathlen:\($0)" } ?? "")
                    + (constraints.critical ? " (critical)" : ""))
        }
        if let usage = facts.keyUsage { lines.append("key usage: " + usage.joined(separator: ", ")) }
        if let usage = facts.extendedKeyUsage { lines.append("extended key usage: " + usage.joined(separator: ", ")) }
        if let id = facts.subjectKeyID { lines.append("subject key id: \(id)") }
        if let id = facts.authorityKeyID { lines.append("authority key id: \(id)") }
        return lines
    }
}
