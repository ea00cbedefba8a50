import CertAuditCore
import Foundation

@testable import CertAuditRules

/// A certificate rule that finds nothing and measures how many of its checks run at once: the first
/// certificate of every chunk of the runner holds its worker for a moment, so that two workers, if
/// there are two, are seen working side by side.
struct ConcurrencyProbeRule: CertificateRule {
    /// The most checks seen running at the same time.
    final class Meter: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private var peak = 0

        func enter() {
            lock.withLock {
                running += 1
                peak = max(peak, running)
            }
        }

        func leave() { lock.withLock { running -= 1 } }

        var maximum: Int { lock.withLock { peak } }
    }

    let meter = Meter()
    /// IDs of the certificates that start a chunk.
    let slow: Set<String>

    let descriptor = RuleDescriptor(
        id: RuleID(rawValue: "TEST-CONCURRENCY"), title: "Concurrency probe", defaultSeverity: .info,
        citations: [.certauditAuditRule],
        summary: "Measures parallel checks.")
    let examples = RuleExamples(passing: [], failing: [])
    let reads: [InputColumn] = []

    func applies(to certificate: Certificate, in context: RuleContext) -> Bool { true }

    func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
        meter.enter()
        if slow.contains(certificate.id) { usleep(200_000) }
        meter.leave()
        return []
    }
}
