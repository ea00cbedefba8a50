import CMimalloc
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
    /// `mimalloc 2.0.9`, or what else serves `malloc` when it is not mimalloc (a link order that put
    /// glibc first): `--version` says it, and `AllocatorCommandLineTests` requires mimalloc.
    static var description: String {
        let version = Int(mi_version())
        let name = "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        return servesMalloc ? name : "glibc malloc (\(name) linked but not in use)"
    }

    /// Whether a block from the process's `malloc` lies in mimalloc's heap.
    static var servesMalloc: Bool {
        guard let block = malloc(64) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }
}
