import CMalloc
import Glibc

/// glibc keeps at most 7 freed blocks of each size per thread for reuse; OpenSSL 3.0 allocates and
/// frees dozens of blocks of one size for every public key it decodes (`OSSL_DECODER_CTX_new_for_pkey`
/// copies its method stacks), so the rest go through the arena's bins, whose cost grows with the
/// heap: `_int_malloc` was 12–14% of the ingest's CPU at 20,000 certificates. A larger per-thread
/// cache takes that to under 1%. glibc reads the setting only from the environment, before `main`,
/// so the executable restarts itself once with it (`restartTuned`); a setting the user already gave
/// is kept as it is.
public enum AllocatorTuning {
    public static let variable = "GLIBC_TUNABLES"
    public static let tunable = "glibc.malloc.tcache_count"
    /// Blocks of each size a thread keeps (glibc's default 7, its maximum 65,535).
    public static let cachedBlocks = 1000

    /// The `GLIBC_TUNABLES` value to restart with, or nil when `current` already sets the cache size.
    public static func tunables(from current: String?) -> String? {
        let setting = "\(tunable)=\(cachedBlocks)"
        guard let current, !current.isEmpty else { return setting }
        return names(in: current).contains(tunable) ? nil : current + ":" + setting
    }

    /// The tunables a `GLIBC_TUNABLES` value sets.
    static func names(in tunables: String) -> [String] {
        tunables.split(separator: ":").map { $0.split(separator: "=").first.map(String.init) ?? "" }
    }

    static let mmapThresholdTunable = "glibc.malloc.mmap_threshold"
    /// The size from which a block gets pages of its own, handed back to the system when it is freed.
    static let ownPagesFrom = 256 * 1024

    /// glibc gives a block of 128 KB or more pages of its own (`mmap`), but raises that threshold to
    /// the size of each such block freed, up to 32 MB: once the tables and the ingest had freed their
    /// large buffers, arrays of up to 32 MB came out of the arenas, and freed they left holes among
    /// the estate's long-lived objects that the later stages filled only in part — resident memory
    /// that held nothing. A fixed threshold (`M_MMAP_THRESHOLD`, which also stops the raising) gives
    /// every large block back whole when it is freed. Measured, peak RSS: 100,000 certificates, two
    /// runs each, 359 and 381 MB → 335 and 336 MB (128 KB: 341); a million, one run each,
    /// 2,920 → 2,824 MiB; no more CPU. A threshold the user set in `GLIBC_TUNABLES` is kept.
    public static func giveLargeBlocksTheirOwnPages() {
        let current = getenv(variable).map { String(cString: $0) } ?? ""
        guard !names(in: current).contains(mmapThresholdTunable) else { return }
        _ = mallopt(M_MMAP_THRESHOLD, Int32(ownPagesFrom))
    }

    /// Replaces the process with itself, same arguments, the cache size added to the environment;
    /// returns (and the run goes on untuned) when the setting is there already or `exec` fails.
    public static func restartTuned(arguments: [String]) {
        let current = getenv(variable).map { String(cString: $0) }
        guard let value = tunables(from: current), setenv(variable, value, 1) == 0 else { return }
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        // The executable's own path first: a process started from `/proc/self/exe` is named `exe`
        // (`ps`, `pgrep certaudit` and `top` would not find the nightly job by its name).
        if let path = executablePath() { execv(path, &argv) }
        execv("/proc/self/exe", &argv)
        // exec failed (no /proc): undo the change and go on with glibc's defaults.
        if let current { setenv(variable, current, 1) } else { unsetenv(variable) }
        for argument in argv { free(argument) }
    }

    /// Where the running executable is (`/proc/self/exe`'s target), or nil when it cannot be told.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Hands the pages the simulations freed back to the system (glibc's `malloc_trim`), before the
    /// checks: otherwise they stay resident in the allocator's arenas, fragmented, under what the
    /// later stages allocate. Measured on 100,000 certificates (two runs each): peak RSS 575 → 543 MB,
    /// no change in CPU. Trimming after ingest gained nothing, and before the reports are written it
    /// gained 2–10 MB for up to 2.5 s more CPU: neither is done.
    static func returnFreedPages() {
        _ = malloc_trim(0)
    }
}
