import CertAuditCore

/// INV-MISMATCH: what the inventory claims (domain, SANs, notAfter, the product its package_type
/// implies) differs from the parsed certificate. The parsed certificate wins; the message shows both.
public struct InventoryMismatchRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.bundleFacts + [.certificates(.domain), .certificates(.sans), .certificates(.notAfter)]
        + InputColumn.brand + InputColumn.product + InputColumn.domainType + InputColumn.standard

    public let descriptor = RuleDescriptor(
        id: .invMismatch, title: "Inventory disagrees with the certificate", defaultSeverity: .medium,
        citations: [.certauditAuditRule, .rfc5280(section: "4.2.1.6")],
        summary:
            "What the inventory claims (domain, SANs, notAfter) differs from the parsed certificate. The parsed "
            + "certificate wins; the report shows both.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool { true }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        let record = certificate.record
        var found = record.packageTypeConflicts.map {
            finding(
                "package_type \(record.packageType.map(String.init) ?? "") implies otherwise: \($0).",
                severity: .low, certificate: certificate.id, aspect: "package_type:\($0)")
        }
        guard let leaf = certificate.leaf else { return found }
        let zone = context.settings.timeZone
        if let claimed = record.claimedNotAfter, !Self.sameExpiry(claimed, leaf.notAfter, zone) {
            found.append(
                finding(
                    "Inventory not_after \(zone.iso8601(claimed)) ≠ certificate notAfter \(zone.iso8601(leaf.notAfter)).",
                    certificate: certificate.id, aspect: "not_after"))
        }
        if let domain = record.claimedDomain, !Self.leaf(leaf, isNamed: domain.lowercased()) {
            found.append(
                finding(
                    "Inventory domain \"\(domain)\" is not among the certificate's names (\(Self.list(leaf)))).",
                    certificate: certificate.id, aspect: "domain"))
        }
        if let claimed = record.claimedSANs {
            let claimedSet = Set(claimed.map { $0.lowercased() })
            let actual = Set(leaf.subjectAltNames.map { $0.value.lowercased() })
            if claimedSet != actual {
                found.append(
                    finding(
                        "Inventory SANs [\(claimed.joined(separator: ", "))] ≠ certificate SANs [\(Self.list(leaf))].",
                        certificate: certificate.id, aspect: "sans"))
            }
        }
        return found
    }

    /// Whether `name` (lower case) is one of the leaf's SANs or common names, in any case. Compared
    /// one by one: a set of all of them was made for every certificate to look up one name.
    static func leaf(_ leaf: CertificateFacts, isNamed name: String) -> Bool {
        leaf.subjectAltNames.contains { $0.value.lowercased() == name }
            || leaf.commonNames.contains { $0.lowercased() == name }
    }

    /// A bare date in the inventory (00:00 local) claims only the day; a time claims the second.
    static func sameExpiry(_ claimed: Instant, _ actual: Instant, _ zone: RunTimeZone) -> Bool {
        if claimed == actual { return true }
        let day = zone.localDate(of: claimed)
        return zone.startOfDay(day) == claimed && day == zone.localDate(of: actual)
    }

    static func list(_ leaf: CertificateFacts) -> String {
        leaf.subjectAltNames.map(\.value).joined(separator: ", ")
    }

    public var examples: RuleExamples {
        let leaf = ExampleEstate.leaf()
        let matching = ExampleEstate.certificate {
            $0.claimedNotAfter = leaf.notAfter
            $0.claimedDomain = "WWW.example.com"
            $0.claimedSANs = ["www.example.com"]
        }
        let sameDay = ExampleEstate.certificate {
            $0.claimedNotAfter = ExampleEstate.settings.timeZone.startOfDay(
                ExampleEstate.settings.timeZone.localDate(of: leaf.notAfter))
        }
        return RuleExamples(
            passing: [
                RuleExample("claims agree", [matching]),
                RuleExample("a bare date on the expiry day", [sameDay]),
            ],
            failing: [
                RuleExample(
                    "another expiry", [ExampleEstate.certificate { $0.claimedNotAfter = leaf.notAfter + 86_400 }]),
                RuleExample("another domain", [ExampleEstate.certificate { $0.claimedDomain = "api.example.com" }]),
                RuleExample(
                    "more SANs claimed",
                    [ExampleEstate.certificate { $0.claimedSANs = ["www.example.com", "example.com"] }]),
                RuleExample(
                    "package_type contradicts the brand",
                    [
                        ExampleEstate.certificate {
                            $0.packageTypeConflicts = ["brand GeoTrust, package_type says TrustAsia"]
                        }
                    ]),
            ])
    }
}
