import CertAuditCore
import Glibc

/// Reads a file named relative to the bundles folder, refusing what a bundle path must never be:
/// absolute, with `..`, leading out of the folder through a symbolic link, looping, not a regular
/// file, or above the size limit. Only then are the bytes read, at most `limit` of them.
struct BundleFile {
    let root: String
    /// `root`'s real path, resolved once per run by the loader (nil when the folder does not exist).
    let realRoot: String?
    let limit: Int
    /// `realRoot` held open, where files can be opened beneath it in one call (`BundlesFolder`).
    let folder: BundlesFolder?
    /// Where each file read leaves its digest, when someone asks.
    var digests: FileDigests? = nil
    /// The paths this load has resolved: a bundle is looked at up to three times (is it a folder,
    /// for the password and for the material, then read), each once on the disk.
    private let resolved = ResolvedPaths()

    /// A resolved path, with its file type when the walk or the opening saw it (nil after
    /// `realpath`).
    private final class ResolvedPaths {
        var byRelative: [String: (real: String, type: mode_t?)] = [:]
        /// Regular files the resolution opened (`BundlesFolder`), left open for their read with what
        /// `fstat` said of them: the file read is then the one resolved, looked up and `fstat`ed once.
        var opened: [String: (descriptor: Int32, status: stat)] = [:]

        deinit { for file in opened.values { close(file.descriptor) } }
    }

    init(root: String, realRoot: String?, limit: Int, folder: BundlesFolder? = nil, digests: FileDigests? = nil) {
        self.root = root
        self.realRoot = realRoot
        self.limit = limit
        self.folder = folder
        self.digests = digests
    }

    /// The real path of a confined relative path, or why it is refused.
    func resolve(_ relative: String) throws(BundleError) -> String {
        try resolveWithType(relative).real
    }

    private func resolveWithType(_ relative: String) throws(BundleError) -> (real: String, type: mode_t?) {
        if let known = resolved.byRelative[relative] { return known }
        let found = try resolveOnDisk(relative)
        resolved.byRelative[relative] = found
        return found
    }

    private func resolveOnDisk(_ relative: String) throws(BundleError) -> (real: String, type: mode_t?) {
        guard !relative.isEmpty, !relative.hasPrefix("/") else {
            throw BundleError(.pathNotRelative, file: relative, "a bundle path must be relative to inputs/bundles/")
        }
        // Split at `/` bytes, as the file system reads the path (`RelativePath`).
        guard !RelativePath.climbs(relative) else {
            throw BundleError(.pathOutsideBundles, file: relative, "'..' may not appear in a bundle path")
        }
        guard let realRoot else {
            throw BundleError(.notFound, file: relative, "the bundles folder \(root) does not exist")
        }
        if let folder, let opened = try openBeneath(relative, in: folder, realRoot: realRoot) { return opened }
        if let plain = try Self.plainPath(relative, under: realRoot) { return plain }
        guard let real = Self.realPath(root + "/" + relative) else {
            if errno == ELOOP {
                throw BundleError(.symlinkLoop, file: relative, "symbolic links loop")
            }
            throw BundleError(.notFound, file: relative, "no such file in inputs/bundles/")
        }
        // Compared as bytes, as the file system names folders: `String.hasPrefix` compares characters
        // up to canonical equivalence, so a sibling `cafe\u{301}` passed for `caf\u{E9}`.
        guard real.utf8.starts(with: (realRoot + "/").utf8) else {
            throw BundleError(.pathOutsideBundles, file: relative, "leads out of inputs/bundles/ (to \(real))")
        }
        return (real, nil)
    }

    /// The components both the opening and the walk follow: those between slashes, `.` left out;
    /// nil when `realpath` must decide (a NUL byte, nothing but `.`). One rule, so both resolve alike.
    private static func plainComponents(of relative: String) -> [Substring]? {
        guard !relative.utf8.contains(0) else { return nil }
        let components = RelativePath.components(of: relative).filter { $0 != "." }
        return components.isEmpty ? nil : components
    }

    /// `relative` opened beneath the folder in one call, when no part of it is a symbolic link: its
    /// real path and type, a regular file left open for `read`; nil when the walk must decide (a
    /// link on the way, nothing but `.`, an unusual error).
    private func openBeneath(_ relative: String, in folder: BundlesFolder, realRoot: String) throws(BundleError)
        -> (real: String, type: mode_t)?
    {
        guard let components = Self.plainComponents(of: relative) else { return nil }
        let cleaned = components.joined(separator: "/")
        let descriptor: Int32
        switch folder.open(cleaned) {
        case .opened(let opened): descriptor = opened
        case .missing: throw BundleError(.notFound, file: relative, "no such file in inputs/bundles/")
        case .undecided: return nil
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        let type = status.st_mode & S_IFMT
        // Resolved once per load (`resolveWithType` keeps the answer), so nothing is open there yet.
        if type == S_IFREG { resolved.opened[relative] = (descriptor, status) } else { close(descriptor) }
        return (realRoot + "/" + cleaned, type)
    }

    /// The real path of `relative` when no part of it is a symbolic link — one `lstat` per component
    /// instead of `realpath`'s `readlink` of every component of the whole path (56 system calls per
    /// bundle measured, 15% of the ingest's CPU) — or nil when `realpath` must decide (a symbolic link,
    /// an unusual error, nothing but `.`). A missing component is the same "no such file" `realpath`
    /// would give, since every component before it is a real folder.
    static func plainPath(_ relative: String, under realRoot: String) throws(BundleError) -> (
        real: String, type: mode_t
    )? {
        guard let components = plainComponents(of: relative) else { return nil }
        var path = realRoot
        var type: mode_t = 0
        for component in components {
            path += "/" + component
            var status = stat()
            guard lstat(path, &status) == 0 else {
                if errno == ENOENT || errno == ENOTDIR {
                    throw BundleError(.notFound, file: relative, "no such file in inputs/bundles/")
                }
                return nil
            }
            type = status.st_mode & S_IFMT
            if type == S_IFLNK { return nil }
        }
        return (path, type)
    }

    /// Most files a folder bundle may hold.
    static let folderEntryLimit = 64

    /// Whether a confined path names a folder.
    func isFolder(_ relative: String) throws(BundleError) -> Bool {
        let found = try resolveWithType(relative)
        if let type = found.type { return type == S_IFDIR }
        var status = stat()
        return stat(found.real, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether a confined path names something (a missing optional file is not an error).
    func exists(_ relative: String) -> Bool {
        (try? resolve(relative)) != nil
    }

    /// The visible entries of a folder bundle, relative to the bundles folder, sorted by name.
    func entries(ofFolder relative: String) throws(BundleError) -> [String] {
        let path = try resolve(relative)
        guard let directory = opendir(path) else {
            throw BundleError(.unreadable, file: relative, String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
            if names.count > Self.folderEntryLimit {
                throw BundleError(.tooLarge, file: relative, "more than \(Self.folderEntryLimit) files in the folder")
            }
        }
        let base = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
        return names.sorted().map { base + "/" + $0 }
    }

    /// The bytes of a confined, regular file no larger than the limit.
    func read(_ relative: String) throws(BundleError) -> [UInt8] {
        let path = try resolve(relative)
        let bytes: [UInt8]
        if let file = resolved.opened.removeValue(forKey: relative) {
            defer { close(file.descriptor) }
            bytes = try Self.readRegularFile(open: file.descriptor, status: file.status, name: relative, limit: limit)
        } else {
            bytes = try Self.readRegularFile(path, name: relative, limit: limit)
        }
        digests?.record(relative, bytes)
        return bytes
    }

    static func readRegularFile(_ path: String, name: String, limit: Int) throws(BundleError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw BundleError(.symlinkLoop, file: name, "symbolic links loop") }
            throw BundleError(.notFound, file: name, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw BundleError(.unreadable, file: name, String(cString: strerror(errno)))
        }
        return try readRegularFile(open: descriptor, status: status, name: name, limit: limit)
    }

    /// The bytes of the file open as `descriptor` (left open), whose `fstat` is `status`, when it is
    /// a regular file no larger than the limit.
    private static func readRegularFile(open descriptor: Int32, status: stat, name: String, limit: Int)
        throws(BundleError) -> [UInt8]
    {
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw BundleError(.notRegularFile, file: name, "is a folder, not a certificate file")
        default: throw BundleError(.notRegularFile, file: name, "is not a regular file")
        }
        guard status.st_size <= limit else {
            throw BundleError(.tooLarge, file: name, "\(status.st_size) bytes, above the \(limit)-byte limit")
        }
        // Read straight into the array's storage: not zeroed first, not copied after.
        let size = Int(status.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 { failure = errno }
                if count <= 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failure != 0 { throw BundleError(.unreadable, file: name, String(cString: strerror(failure))) }
        return bytes
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
