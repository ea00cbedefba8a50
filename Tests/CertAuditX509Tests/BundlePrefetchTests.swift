import Foundation
import Glibc
import Testing

@testable import CertAuditX509

/// The hints given ahead of the bundle stage's workers (`BundlePrefetch`): only for files the loader
/// could read, never opening anything but a regular file.
struct BundlePrefetchTests {
    /// A bundles folder with one file of every kind a path can name.
    private static func withFolder(_ body: (String) throws -> Void) throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("certaudit-prefetch-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: folder + "/shard/deeper", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        for name in ["a.pem", "shard/b.pem", "shard/deeper/c.key", "..a.pem"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try #require(mkfifo(folder + "/pipe.pem", 0o600) == 0)
        try manager.createSymbolicLink(atPath: folder + "/link.pem", withDestinationPath: "a.pem")
        try manager.createSymbolicLink(atPath: folder + "/devices", withDestinationPath: "/dev")
        try manager.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: "shard")
        try body(folder)
    }

    @Test func regularFilesUnderTheFolderAreHinted() throws {
        try Self.withFolder { folder in
            let prefetch = BundlePrefetch(bundlesDirectory: folder)
            #expect(prefetch.hint(["a.pem", "shard/b.pem", "./shard//deeper/c.key", "..a.pem"]) == 4)
            // A folder a link inside the bundles folder leads to is read as the loader reads it.
            #expect(prefetch.hint(["linked/b.pem"]) == 1)
        }
    }

    /// A pipe or a device is never opened (a pipe's open could block, a device's act), nor a symbolic
    /// link named as the file, nor anything the loader refuses to read.
    @Test func nothingElseIsOpened() throws {
        try Self.withFolder { folder in
            let prefetch = BundlePrefetch(bundlesDirectory: folder)
            let refused = [
                "pipe.pem", "link.pem", "devices/null", "devices/zero", "shard", "missing.pem", "", "/etc/hostname",
                "../" + URL(fileURLWithPath: folder).lastPathComponent + "/a.pem", "shard/../a.pem", "a.pem\u{0}",
            ]
            for path in refused { #expect(prefetch.hint([path]) == 0, "\(path)") }
        }
    }

    @Test func aMissingFolderHintsNothing() {
        #expect(BundlePrefetch(bundlesDirectory: "/nonexistent-certaudit-folder").hint(["a.pem"]) == 0)
    }

    @Test(
        "paths the loader may read",
        arguments: [
            ("a.pem", true), ("./a.pem", true), ("shard//a.pem", true), ("..a/b", true), ("a../b", true),
            ("...", true), ("a/..b", true), ("", false), ("/a.pem", false), ("..", false), ("../a", false),
            ("a/..", false), ("a/../b", false), ("a/../", false), ("a\u{0}b", false),
        ])
    func mayHint(path: String, allowed: Bool) {
        #expect(BundlePrefetch.mayHint(path) == allowed)
    }

    /// What decides whether hints go on: a file whose pages were dropped from the cache is read from
    /// storage, and the count grows. (Not where the temporary folder is in memory: no blocks there.)
    @Test(.enabled(if: temporaryFolderIsOnStorage)) func blocksReadGrowWhenAFileComesFromStorage() throws {
        try Self.withFolder { folder in
            let path = folder + "/large.bin"
            try Data(repeating: 7, count: 1 << 20).write(to: URL(fileURLWithPath: path))
            let file = open(path, O_RDONLY)
            try #require(file >= 0)
            defer { close(file) }
            try #require(fdatasync(file) == 0 && posix_fadvise(file, 0, 0, POSIX_FADV_DONTNEED) == 0)
            let before = BundlePrefetch.blocksRead()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            #expect(read(file, &buffer, buffer.count) == buffer.count)
            #expect(BundlePrefetch.blocksRead() > before)
        }
    }

    /// Whether the temporary folder's file system is not `tmpfs` (the mount with the longest
    /// matching mount point in /proc/mounts).
    static var temporaryFolderIsOnStorage: Bool {
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
        var holding: [[Substring]] = []
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2 else { continue }
            let point = String(fields[1])
            if folder == point || folder.hasPrefix(point == "/" ? "/" : point + "/") { holding.append(fields) }
        }
        guard let mount = holding.max(by: { $0[1].count < $1[1].count }) else { return false }
        return mount[2] != "tmpfs"
    }
}
