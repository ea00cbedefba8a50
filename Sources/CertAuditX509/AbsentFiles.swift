/// The optional files one ingest worker has already looked for and not found, by path relative to
/// the bundles folder: the console's `keystorePass.txt` is looked for beside every bundle, and the
/// bundles of a large estate share a few hundred folders, so the same missing file was looked for
/// a thousand times over (two `stat` calls and a path walk each: 0.8 s of CPU at 100,000 bundles).
/// Only absences are kept: a file that exists is read again for each bundle, so that every row's
/// manifest still lists what it read. The inputs do not change during a run. Not thread-safe: each
/// worker owns one, inside its `CertificateCache`.
public final class AbsentFiles {
    private var paths: Set<String> = []

    public init() {}

    /// How many paths are known to be missing (tests read this).
    public var count: Int { paths.count }

    /// Whether `path` exists, asking `files` only the first time it is found missing.
    func exists(_ path: String, in files: BundleFile) -> Bool {
        if paths.contains(path) { return false }
        if files.exists(path) { return true }
        paths.insert(path)
        return false
    }
}
