/// `international` or `sm2` (国密).
public enum CertificateStandard: String, Sendable, Hashable, CaseIterable {
    case international
    case sm2
}
