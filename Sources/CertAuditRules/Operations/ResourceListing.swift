import CertAuditCore

extension [ResourceRecord] {
    /// `CLB lb-1, CDN www.example.com`: resources as operation reasons name them.
    var listing: String { map { "\($0.type) \($0.id)" }.joined(separator: ", ") }
}
