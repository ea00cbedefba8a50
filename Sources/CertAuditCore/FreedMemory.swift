import Dispatch
import Glibc
import Synchronization

/// Gives back memory that one thread allocated and another freed. mimalloc, the executable's
/// allocator, keeps a block freed by another thread on its owner's list until the owner next
/// allocates or collects. The checks' workers make their chunks of findings and go idle; the thread
/// that then gathers the chunks frees them, and half of them (the other worker's) stayed resident
/// while the gathered array filled: some 70 MiB for a moment at a million certificates, the run's
/// peak. The executable installs mimalloc's collection (`install`); where none is installed (the
/// tests, glibc's allocator) `reclaim` does nothing.
public enum FreedMemory {
    private static let collection = Mutex<(@Sendable () -> Void)?>(nil)

    /// What each thread runs to give back what others freed of its memory (`mi_collect`).
    public static func install(_ collect: (@Sendable () -> Void)?) {
        collection.withLock { $0 = collect }
    }

    /// Has `workers` threads of the pool (no more than the processors, which is all the pool runs at
    /// once) run the collection at once, each once: each waits for the others (at most `patience`),
    /// so that no thread takes two turns and the idle workers take theirs. Whether a worker got its
    /// turn changes only the memory held, never a result.
    public static func reclaim(workers: Int, patience: Duration = .milliseconds(50)) {
        guard let collect = collection.withLock({ $0 }) else { return }
        let threads = min(max(1, workers), ProcessorCount.active)
        let arrived = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            collect()
            arrived.add(1, ordering: .acquiringAndReleasing)
            let clock = ContinuousClock()
            let deadline = clock.now + patience
            while arrived.load(ordering: .acquiring) < threads && clock.now < deadline {
                sched_yield()
            }
        }
    }
}
