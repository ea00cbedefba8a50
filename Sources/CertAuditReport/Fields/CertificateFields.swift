extension ReportCertificate {
    /// The inventory (`<certificates>`, `inventory.csv`, the HTML inventory table). A certificate's
    /// SANs are `type:value` and its bound resources `type:id`, joined with `; ` in the CSV.
    public static let section = ReportSection<ReportCertificate>(
        "certificates", row: "certificate", htmlRowClass: { ($0.daysToExpiry ?? 0) < 0 ? "expired" : nil },
        fields: [
            .init("id", .attribute("id"), .input, html: HTMLColumn("ID", classes: "mono", sort: .text)) { $0.id },
            .init("alias", .attribute("alias"), .input, html: HTMLColumn("Alias", classes: "text", format: .text)) {
                $0.alias
            },
            .init("source", .attribute("source"), schemaType: "r:Source") { $0.source },
            .init("type", .attribute("type"), schemaType: "r:CertificateType") { $0.type },
            .init("standard", .attribute("standard"), schemaType: "r:Standard") { $0.standard },
            .init("status", .attribute("status"), schemaType: "r:CertificateStatus", html: HTMLColumn("Status")) {
                $0.status
            },
            .init("brand", .attribute("brand"), .input) { $0.brand },
            .init("product", .attribute("product"), schemaType: "r:Product") { $0.product },
            .init("project", .attribute("project"), .input, html: HTMLColumn("Project", classes: "optional")) {
                $0.project
            },
            .init(
                "subject", .element("subject"), .input,
                html: HTMLColumn("Subject", classes: "optional text", format: .text)
            ) { $0.subject },
            .init("issuer", .element("issuer"), .input) { $0.issuer },
            .init("serial", .element("serial"), .input, schemaType: nil) { $0.serial },
            .init("not-before", .element("not-before"), schemaType: "r:Timestamp") { $0.notBefore },
            .init(
                "not-after", .element("not-after"), schemaType: "r:Timestamp",
                html: HTMLColumn("Not after", classes: "date")
            ) {
                $0.notAfter
            },
            .init(
                "days-to-expiry", .element("days-to-expiry"), schemaType: "xs:integer",
                html: HTMLColumn(
                    "Days to expiry", classes: "number", sort: .number,
                    sortKey: { String($0.daysToExpiry ?? Int64.max) })
            ) { $0.daysToExpiry.map { String($0) } },
            .init(
                "fingerprint", .elementWithFixedAttribute("fingerprint", attribute: "algorithm", value: "sha256"),
                schemaType: nil
            ) { $0.fingerprint },
            .init(
                "key-algorithm", .childAttribute(element: "key", attribute: "algorithm"), schemaType: "r:KeyAlgorithm",
                html: HTMLColumn(
                    "Key", classes: "optional",
                    display: { certificate in
                        certificate.key.map {
                            [$0.algorithm, String($0.bits), $0.curve].compactMap { $0 }.joined(separator: " ")
                        }
                            ?? ""
                    })
            ) { $0.key?.algorithm },
            .init("key-bits", .childAttribute(element: "key", attribute: "bits"), schemaType: "xs:nonNegativeInteger") {
                $0.key.map { String($0.bits) }
            },
            .init("key-curve", .childAttribute(element: "key", attribute: "curve"), .input) { $0.key?.curve },
            .init("key-present", .childAttribute(element: "key", attribute: "present"), schemaType: "xs:boolean") {
                $0.key.map { String($0.present) }
            },
            .init("key-matches", .childAttribute(element: "key", attribute: "matches"), schemaType: "xs:boolean") {
                $0.key?.matches.map { String($0) }
            },
            .init("signature-algorithm", .childAttribute(element: "signature", attribute: "algorithm"), .input) {
                $0.signatureAlgorithm
            },
            .init(
                "sans", children: "san", separator: "; ",
                html: HTMLColumn(
                    "SANs", classes: "optional text", format: .text,
                    display: { $0.sans.map { "\($0.type):\($0.value)" }.joined(separator: ", ") }),
                csv: { "\($0["type"]):\($0.text ?? "")" }
            ) { certificate in
                certificate.sans.map { ReportListItem([.init("type", $0.type)], text: $0.value) }
            },
            .init(
                "chain-status", .childAttribute(element: "chain", attribute: "status"), schemaType: "r:ChainStatus",
                html: HTMLColumn("Chain", classes: "optional", display: { "\($0.chainStatus) (\($0.chainLength))" })
            ) { $0.chainStatus },
            .init(
                "chain-length", .childAttribute(element: "chain", attribute: "length"),
                schemaType: "xs:nonNegativeInteger"
            ) {
                String($0.chainLength)
            },
            .init(
                "resources", children: "resource", separator: "; ",
                html: HTMLColumn(
                    "Resources", classes: "optional text", format: .text,
                    display: { $0.resources.map { "\($0.type):\($0.id)" }.joined(separator: ", ") }),
                csv: { "\($0["type"]):\($0["id"])" }
            ) { certificate in
                certificate.resources.map { ReportListItem([.init("id", $0.id), .init("type", $0.type)]) }
            },
        ])
}
