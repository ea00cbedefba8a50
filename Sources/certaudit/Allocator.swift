import CMimalloc
import CertAuditCore
import Glibc

/// The process's allocator: mimalloc, which this executable links (before glibc, so its `malloc`
/// and `free` serve the whole process: Swift, OpenSSL, libxml2). glibc's allocator left freed room
/// scattered among the estate's long-lived objects, resident but holding nothing: a million
/// certificates peaked at 2,213 and 2,208 MiB under glibc (tuned: a larger per-thread cache, a fixed
/// mmap threshold, `malloc_trim` before the checks) against 1,936 and 1,957 MiB under mimalloc, in
/// the same time (two alternating pairs, 210 s against 221 s and 278 s against 259 s); 100,000
/// certificates 274–279 against 248–261 MiB, median 21.2 against 21.0 s (docs/performance.md,
/// twenty-seventh session). The tests' own processes keep glibc's: the allocator changes no output.
enum Allocator {
    /// `mimalloc 2.0.9, freed memory returned after 0 ms`, or what else serves `malloc` when it is
    /// not mimalloc (a link order that put glibc first): `--version` says it, and
    /// `AllocatorCommandLineTests` requires mimalloc and the delay `returnFreedMemoryPromptly` sets.
    static var description: String {
        let version = Int(mi_version())
        let name = "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        let delays = (mi_option_get(mi_option_decommit_delay), mi_option_get(mi_option_segment_decommit_delay))
        let delay = delays.0 == delays.1 ? "\(delays.0) ms" : "\(delays.0) ms (segments \(delays.1) ms)"
        return servesMalloc
            ? "\(name), freed memory returned after \(delay)" : "glibc malloc (\(name) linked but not in use)"
    }

    /// The delays after which mimalloc gives freed memory back to the system, and its own defaults.
    private static let delays = [
        (option: mi_option_decommit_delay, variable: "MIMALLOC_DECOMMIT_DELAY", default: 25),
        (option: mi_option_segment_decommit_delay, variable: "MIMALLOC_SEGMENT_DECOMMIT_DELAY", default: 500),
    ]

    /// Has mimalloc give freed memory back to the system at once, not after its delays (25 ms for a
    /// page, 500 ms for a segment), until the reports are written (`holdFreedMemoryBriefly`), unless
    /// the environment sets them. The stages up to the checks free large blocks (the simulation's
    /// run, the checks' chunks of findings) just before they make others, and held through the delay
    /// the freed ones counted in the peak: a million certificates peaked at 1,507.7 MiB with no delay
    /// against 1,560.0 MiB with mimalloc's (docs/performance.md, thirty-first session). Called first
    /// thing, before the run allocates.
    static func returnFreedMemoryPromptly() {
        setDelays { _ in 0 }
        // Memory the checks' workers made and another thread freed, given back when the run asks
        // (`FreedMemory`): mimalloc collects each thread's own heap only.
        if servesMalloc { FreedMemory.install { mi_collect(false) } }
    }

    /// mimalloc's own delays again, for the reports: writing them frees and makes buffers file after
    /// file, and with no delay each was faulted in afresh (100,000 certificates wrote some 1.5 s
    /// slower), while none of their memory makes the run's peak.
    static func holdFreedMemoryBriefly() { setDelays { $0 } }

    private static func setDelays(_ value: (_ default: Int) -> Int) {
        for delay in delays where getenv(delay.variable) == nil {
            mi_option_set(delay.option, value(delay.default))
        }
    }

    /// Whether a block from the process's `malloc` lies in mimalloc's heap.
    static var servesMalloc: Bool {
        guard let block = malloc(64) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }
}
