import Foundation

/// The digests of the staged files hashed as they were written (`ReportStaging.stream`), by path
/// within the staging folder: the publisher writes them into `SHA256SUMS` instead of reading the
/// files back. Files are written on several threads at once, hence the lock. A file is appended to
/// (`ReportStaging.append`) only once every thread that writes files is done (`metrics.prom`'s run
/// duration): an append racing the file's own stream could leave the digest of its first part.
final class StagedDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: String] = [:]

    func record(_ hex: String, for path: String) {
        lock.lock()
        defer { lock.unlock() }
        byPath[path] = hex
    }

    /// Forgets a file's digest: what was added to it since is not in it.
    func forget(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        byPath[path] = nil
    }

    func digest(of path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return byPath[path]
    }
}
