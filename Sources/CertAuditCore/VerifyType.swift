/// How the domain is validated (`VerifyType`).
public enum VerifyType: String, Sendable, Hashable, CaseIterable {
    case dnsAuto = "DNS_AUTO"
    case dns = "DNS"
    case file = "FILE"
    case dnsProxy = "DNS_PROXY"
    case fileProxy = "FILE_PROXY"
}
