import CertAuditCore
import Testing

@testable import CertAuditReport

/// Issue 10: a baseline certificate held compactly (fingerprint as `HexText`, names as one string)
/// reads back as it was given.
struct BaselineCertificateTests {
    @Test func fingerprintAndNamesReadBackAsGiven() {
        let fingerprints: [String?] = [
            nil, "", String(repeating: "ab", count: 32), String(repeating: "CD", count: 32), "abc", "not hex", "aBcD",
        ]
        let lists: [[String]] = [[], [""], ["", ""], ["dns:a.example", "ip:10.0.0.1"], ["dns:é", "dns:e\u{301}"]]
        for fingerprint in fingerprints {
            for names in lists {
                var certificate = Baseline.Certificate(id: "c", fingerprint: fingerprint, names: names)
                #expect(certificate.fingerprint.map { Array($0.utf8) } == fingerprint.map { Array($0.utf8) })
                #expect(certificate.names.map { Array($0.utf8) } == names.map { Array($0.utf8) })
                #expect(certificate.hasNames == !names.isEmpty)
                for other in lists { #expect(certificate.hasNames(other) == (other == names), "\(names) \(other)") }
                var appended = Baseline.Certificate(id: "c", fingerprint: fingerprint)
                for name in names { appended.append(name: name) }
                #expect(appended == certificate)
                certificate.names = names.reversed()
                #expect(certificate.names == names.reversed())
            }
        }
    }
}
