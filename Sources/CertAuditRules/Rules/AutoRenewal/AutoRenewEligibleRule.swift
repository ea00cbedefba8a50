import CertAuditConsole
import CertAuditCore

/// AR-ELIGIBLE: auto-renewal works only for platform-issued certificates of the supported products —
/// DNSPod DV single-domain and wildcard, TrustAsia DV wildcard, WoTrus DV wildcard. On any other
/// certificate the switch does nothing: it will expire.
public struct AutoRenewEligibleRule: CertificateRule {
    public init() {}

    public let reads: [InputColumn] =
        [.certificates(.autoRenew), .certificates(.source)] + InputColumn.brand + InputColumn.product
        + InputColumn.domainType

    public let descriptor = RuleDescriptor(
        id: .arEligible, title: "Auto-renewal is on for a product that supports it", defaultSeverity: .high,
        citations: [.consoleGuide(.autoRenewal)],
        summary:
            "Only platform-issued certificates (never uploaded ones) of supported products: DNSPod DV single-domain and "
            + "wildcard, TrustAsia DV wildcard, WoTrus DV wildcard.")

    public func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
        certificate.record.autoRenew == true
    }

    public func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        let record = certificate.record
        if record.source == .uploaded {
            return [
                finding(
                    "Auto-renewal is on for an uploaded certificate: only platform-issued certificates renew.",
                    certificate: certificate.id)
            ]
        }
        guard AutoRenewal.supports(record) else {
            let product = [record.brand, record.product?.rawValue, record.domainType?.rawValue].compactMap { $0 }
                .joined(separator: " ")
            return [
                finding(
                    "Auto-renewal is on, but \(product.isEmpty ? "this product" : product) does not support it "
                        + "(DNSPod DV single or wildcard, TrustAsia DV wildcard, WoTrus DV wildcard only).",
                    certificate: certificate.id)
            ]
        }
        return []
    }

    public var examples: RuleExamples {
        func renewing(_ source: CertificateSource, brand: String, product: Product, type: DomainType) -> Certificate {
            ExampleEstate.certificate(source: source) {
                $0.autoRenew = true
                $0.brand = brand
                $0.product = product
                $0.domainType = type
            }
        }
        return RuleExamples(
            passing: [
                RuleExample("DNSPod DV single", [renewing(.issued, brand: "DNSPod", product: .dv, type: .single)]),
                RuleExample(
                    "TrustAsia DV wildcard", [renewing(.issued, brand: "TrustAsia", product: .dv, type: .wildcard)]),
            ],
            failing: [
                RuleExample(
                    "an uploaded certificate", [renewing(.uploaded, brand: "DNSPod", product: .dv, type: .single)]),
                RuleExample("GeoTrust OV", [renewing(.issued, brand: "GeoTrust", product: .ov, type: .single)]),
                RuleExample(
                    "TrustAsia DV single", [renewing(.issued, brand: "TrustAsia", product: .dv, type: .single)]),
            ])
    }
}
