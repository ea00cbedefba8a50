internal import COpenSSL

/// The printed form of each issuer name one ingest worker has read, keyed by the name's DER: the
/// leaves of an estate name a few issuers, and `X509_NAME_print_ex` through a memory BIO cost as much
/// per leaf as the rest of its name handling. Equal DER is an equal name, printed alike, so the text
/// is the same as printing it again. At most `capacity` names (an estate whose every leaf has its own
/// issuer prints the rest as before). Not thread-safe: one per worker.
public final class IssuerNames {
    private var entries: [[UInt8]: String] = [:]
    public let capacity: Int
    /// Names printed and names found already printed (tests read these).
    public private(set) var printed = 0
    public private(set) var reused = 0

    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// `name` printed as `CertificateFactsReader.name` prints it.
    func text(of name: OpaquePointer?) -> String {
        var bytes: UnsafePointer<UInt8>?
        var length = 0
        guard let name, X509_NAME_get0_der(name, &bytes, &length) == 1, let bytes else {
            return CertificateFactsReader.name(name)
        }
        let der = Array(UnsafeBufferPointer(start: bytes, count: length))
        if let known = entries[der] {
            reused += 1
            return known
        }
        printed += 1
        let text = CertificateFactsReader.name(name)
        if entries.count < capacity { entries[der] = text }
        return text
    }
}
