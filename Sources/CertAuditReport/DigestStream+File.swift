import CertAuditCore
import Foundation

extension DigestStream {
    /// The digest of the file at `path`, read a mebibyte at a time.
    mutating func hex(ofFileAt path: String) throws(ReportError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportError(.internal, "cannot read \(path) to checksum it")
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw ReportError(.internal, "cannot read \(path) to checksum it: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { update($0) }
        }
        guard let hex = digestHex() else { throw ReportError(.internal, "cannot checksum \(path): out of memory") }
        return hex
    }
}
