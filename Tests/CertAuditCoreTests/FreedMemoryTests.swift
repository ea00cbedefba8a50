import Glibc
import Synchronization
import Testing

@testable import CertAuditCore

/// `FreedMemory.reclaim` runs the installed collection once on each of the threads it asks for, at
/// the same time (so that idle workers take their turn), and nothing when none is installed.
@Suite(.serialized) struct FreedMemoryTests {
    /// The threads the collection ran on, one entry a run.
    static let calls = Mutex<[UInt]>([])

    static func install() {
        calls.withLock { $0 = [] }
        FreedMemory.install { calls.withLock { $0.append(UInt(pthread_self())) } }
    }

    /// The patience is long because the suite runs beside others that can hold the pool's threads
    /// for seconds on a loaded machine: a worker that has not arrived when it runs out lets the
    /// caller take both turns, which is what the run wants but not what this test can tell apart.
    /// Once both have arrived the call returns at once, so the patience costs nothing when it passes.
    @Test func eachWorkerCollectsOnceOnItsOwnThread() {
        Self.install()
        defer { FreedMemory.install(nil) }
        FreedMemory.reclaim(workers: 2, patience: .seconds(120))
        let threads = Self.calls.withLock { $0 }
        // Other suites' runs may reclaim meanwhile: this one's two turns are among what was seen.
        #expect(threads.count >= 2 && Set(threads).count >= 2)
    }

    @Test func withNoCollectionInstalledNothingRuns() {
        Self.install()
        FreedMemory.install(nil)
        FreedMemory.reclaim(workers: 2)
        #expect(Self.calls.withLock { $0 }.isEmpty)
    }

    /// More workers than processors: one turn a processor (the pool runs no more at once), and the
    /// call returns.
    @Test func moreWorkersThanProcessorsTakeOneTurnAProcessor() {
        Self.install()
        defer { FreedMemory.install(nil) }
        FreedMemory.reclaim(workers: 64, patience: .seconds(120))
        #expect(Self.calls.withLock { $0 }.count >= ProcessorCount.active)
        Self.calls.withLock { $0 = [] }
        FreedMemory.reclaim(workers: 1)
        #expect(Self.calls.withLock { $0 }.count >= 1)
    }
}
