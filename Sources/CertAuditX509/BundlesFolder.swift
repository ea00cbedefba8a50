internal import CDirectIO
import Glibc

/// The bundles folder held open for the run, so that each bundle is opened beneath it in one system
/// call (`ca_open_beneath`: Linux's `openat2`, which refuses a symbolic link on the way and any way
/// out of the folder) instead of an `lstat` of every component from the file system's root and then
/// an `open` that walks the whole path again.
///
/// Why: the walk from `/` of `…/bundles/<shard>/<id>.pem` is eight components, three times a bundle;
/// the kernel's path lookups were 3 % of a 100,000-bundle run's CPU, more at a million, where the
/// names miss the kernel's caches more often (`perf`).
///
/// Only a shortcut: a path it cannot open plainly (a symbolic link on the way, a kernel without
/// `openat2`) is left to `BundleFile`'s walk and `realpath`, which decide as before. Made only where
/// the call works (probed once), so a system without it costs nothing per bundle. Shared, read-only,
/// by every worker: `openat2` with one folder descriptor from many threads is safe.
final class BundlesFolder: Sendable {
    /// The open folder (`O_DIRECTORY`), closed when the last loader lets it go.
    let descriptor: Int32

    /// Opens the folder at `realPath`, or nil when it cannot be opened or the system cannot open
    /// files beneath it.
    init?(realPath: String) {
        let descriptor = Glibc.open(realPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let probe = ca_open_beneath(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard probe >= 0 else {
            close(descriptor)
            return nil
        }
        close(probe)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// What opening `path` beneath the folder gave: an open descriptor, a missing file, or a path
    /// only the walk can decide.
    enum Opening {
        case opened(Int32)
        case missing
        case undecided
    }

    /// Opens `path` (components already cleaned: no `.`, `..` or empty ones) for reading, without
    /// blocking on a pipe or taking a terminal.
    func open(_ path: String) -> Opening {
        let descriptor = ca_open_beneath(self.descriptor, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if descriptor >= 0 { return .opened(descriptor) }
        return errno == ENOENT || errno == ENOTDIR ? .missing : .undecided
    }
}
