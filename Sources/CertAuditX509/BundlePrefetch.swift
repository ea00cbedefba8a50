import CertAuditCore
import Glibc

/// Asks the kernel to start reading bundle files before the loader needs them
/// (`posix_fadvise(POSIX_FADV_WILLNEED)`), so that many reads are on their way to the disk at once.
///
/// Why: a nightly job reads an estate exported hours before, whose files are no longer in the page
/// cache. Read one at a time by each of the stage's workers, every small file waited for the disk
/// on its own: 100,000 bundles took 14–17 s to ingest from an emptied page cache against about 6 s
/// from a warm one (this VM, `drop_caches`), while the naive reference loop, slower per file, hides
/// most of its reads behind its own work. A hint returns at once; the loader's reads then find the
/// pages there or on their way.
///
/// A hint reads nothing into the process and changes no result: the kernel reads the file into its
/// page cache, as the loader's own read would a moment later. It is given only for what the loader
/// could read: a relative path without `..`, naming a regular file no larger than the loader's
/// limit (looked at with `fstatat` first: a symbolic link, a folder, a pipe or a device is not
/// opened) under the bundles folder. Whatever fails is left for the loader to find and report.
/// Decisions: a folder named by a symbolic link on the way is followed, as the kernel resolves the
/// path, so a hint may bring into the cache a file such a link leads to outside the bundles folder
/// (at most the size limit), which the loader then refuses; checking every component as the loader
/// does would cost the hint as much as the read it hastens. A file swapped for another kind between
/// the look and the open is the loader's to refuse (opened without blocking, it cannot hang a hint).
public struct BundlePrefetch: Sendable {
    /// The bundles folder the paths are relative to.
    public let bundlesDirectory: String
    /// The largest file the loader reads (`BundleLoader.sizeLimit`): nothing larger is hinted.
    public let sizeLimit: Int

    public init(bundlesDirectory: String, sizeLimit: Int) {
        self.bundlesDirectory = bundlesDirectory
        self.sizeLimit = sizeLimit
    }

    /// Hints each regular file among `paths` that the loader could read; returns how many files it
    /// opened to do so (for the tests).
    @discardableResult
    public func hint(_ paths: some Sequence<String>) -> Int {
        let folder = open(bundlesDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return 0 }
        defer { close(folder) }
        var opened = 0
        for path in paths where Self.mayHint(path) {
            // Looked at before it is opened: opening a device or a pipe can block or act.
            var status = stat()
            guard fstatat(folder, path, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG,
                status.st_size <= sizeLimit
            else { continue }
            let file = openat(folder, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
            guard file >= 0 else { continue }
            opened += 1
            _ = posix_fadvise(file, 0, status.st_size, POSIX_FADV_WILLNEED)
            close(file)
        }
        return opened
    }

    /// Whether the hints should go on to the round after the one starting: always for the first
    /// round (its hints run beside it), afterwards only when the process read from storage during
    /// the round before (`blocksRead` grew), so that a warm cache costs a round or two of hints, not
    /// 4.5 µs a file for nothing. Where the file system does not count its reads in `ru_inblock`
    /// (some network and FUSE file systems), the hints stop after the first rounds, as when warm.
    public static func hintsNextRound(isFirst: Bool, blocksBefore: Int, blocksNow: Int) -> Bool {
        isFirst || blocksNow > blocksBefore
    }

    /// The blocks the process has read from storage so far (`getrusage`'s `ru_inblock`, every
    /// thread's, the hints' readahead included): it grows while files come from the disk and stays
    /// put while they come from the page cache, which is what decides whether hints are worth giving.
    public static func blocksRead() -> Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return usage.ru_inblock
    }

    /// Whether a path is one the loader may read: relative, without a `..` component (the loader's
    /// own rule, `RelativePath.climbs`) and without a NUL byte.
    static func mayHint(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.utf8.contains(0) && !RelativePath.climbs(path)
    }
}
