import CertAuditConsole
import CertAuditCore

/// RI-ONE-PER-DOMAIN: while one certificate under a main domain is being reissued (the inventory's
/// `reissuing` state, or a reissue allowed earlier in `operations.csv` still under review), no other
/// certificate under that main domain can be. Main domains as `MainDomain` computes them.
public struct ReissueOnePerDomainRule: OperationRule {
    public init() {}

    public let reads: [InputColumn] =
        InputColumn.bundleFacts + [.certificates(.domain), .certificates(.sans), .certificates(.status)]

    public let descriptor = RuleDescriptor(
        id: .riOnePerDomain, title: "One reissue at a time per main domain", defaultSeverity: .medium,
        citations: [.consoleGuide(.reissue)],
        summary:
            "While one certificate under a main domain is being reissued, no other certificate under that main domain "
            + "can be.")

    public let judgedKinds: Set<OperationRecord.Kind> = [.reissue]

    public func judge(_ request: OperationRequest) -> [OperationReason] {
        var reasons: [OperationReason] = []
        for domain in request.certificate.mainDomains {
            let others = request.history.reissuing(under: domain, on: request.date, excluding: request.certificate.id)
            guard !others.isEmpty else { continue }
            reasons += deny(
                "\(request.reference): \(others.joined(separator: ", ")) under \(domain) "
                    + "\(others.count == 1 ? "is" : "are") being reissued; wait until that reissue is done.")
        }
        return reasons
    }

    public var examples: RuleExamples {
        func certificate(_ id: String, _ name: String, reissuing: Bool = false) -> Certificate {
            ExampleEstate.certificate(
                id, source: .issued,
                bundle: ExampleEstate.bundle(ExampleEstate.leaf(cn: name, sans: [.init(.dns, name)], fingerprint: id))
            ) { $0.status = reissuing ? .reissuing : .issued }
        }
        let www = certificate("www", "www.example.com.cn")
        let apiReissuing = certificate("api", "api.example.com.cn", reissuing: true)
        let other = certificate("other", "www.example.net", reissuing: true)
        return RuleExamples(
            passing: [
                RuleExample(
                    "another main domain being reissued", [www, other],
                    operations: [ExampleEstate.operation(.reissue, on: "www")])
            ],
            failing: [
                RuleExample(
                    "api.example.com.cn is being reissued", [www, apiReissuing],
                    operations: [ExampleEstate.operation(.reissue, on: "www")]),
                RuleExample(
                    "two requests under one main domain", [www, certificate("api", "api.example.com.cn")],
                    operations: [
                        ExampleEstate.operation(.reissue, on: "api"),
                        ExampleEstate.operation(.reissue, on: "www", line: 3),
                    ]),
            ])
    }
}
