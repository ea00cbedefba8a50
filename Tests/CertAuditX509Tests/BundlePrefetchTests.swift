import CertAuditCore
import Foundation
import Glibc
import Testing

@testable import CertAuditX509

/// The hints given ahead of the bundle stage's workers (`BundlePrefetch`): only for files the loader
/// could read, never opening anything but a regular file.
struct BundlePrefetchTests {
    /// A bundles folder with one file of every kind a path can name.
    private static func withFolder(_ body: (String) throws -> Void) throws {
        try Fixtures.withScratchFolder("prefetch", making: ["shard/deeper"]) { folder in
            let manager = FileManager.default
            for name in ["a.pem", "shard/b.pem", "shard/deeper/c.key", "..a.pem"] {
                try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            }
            try Data(repeating: 1, count: 4097).write(to: URL(fileURLWithPath: folder + "/large.pem"))
            try #require(mkfifo(folder + "/pipe.pem", 0o600) == 0)
            try manager.createSymbolicLink(atPath: folder + "/link.pem", withDestinationPath: "a.pem")
            try manager.createSymbolicLink(atPath: folder + "/devices", withDestinationPath: "/dev")
            try manager.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: "shard")
            try body(folder)
        }
    }

    @Test func regularFilesUnderTheFolderAreHinted() throws {
        try Self.withFolder { folder in
            let prefetch = BundlePrefetch(bundlesDirectory: folder, sizeLimit: 4096)
            #expect(prefetch.hint(["a.pem", "shard/b.pem", "./shard//deeper/c.key", "..a.pem"]) == 4)
            // A folder a link inside the bundles folder leads to is read as the loader reads it.
            #expect(prefetch.hint(["linked/b.pem"]) == 1)
            // The size limit is the loader's: a file at it is read, so hinted.
            #expect(BundlePrefetch(bundlesDirectory: folder, sizeLimit: 4097).hint(["large.pem"]) == 1)
        }
    }

    /// A pipe or a device is never opened (a pipe's open could block, a device's act), nor a symbolic
    /// link named as the file, nor a file larger than the loader reads, nor anything it refuses.
    @Test func nothingElseIsOpened() throws {
        try Self.withFolder { folder in
            let prefetch = BundlePrefetch(bundlesDirectory: folder, sizeLimit: 4096)
            let refused = [
                "pipe.pem", "link.pem", "devices/null", "devices/zero", "shard", "missing.pem", "large.pem", "",
                "/etc/hostname", "../" + URL(fileURLWithPath: folder).lastPathComponent + "/a.pem", "shard/../a.pem",
                "a.pem\u{0}",
            ]
            for path in refused { #expect(prefetch.hint([path]) == 0, "\(path)") }
        }
    }

    @Test func aMissingFolderHintsNothing() {
        #expect(
            BundlePrefetch(bundlesDirectory: "/nonexistent-certaudit-folder", sizeLimit: 1 << 20).hint(["a.pem"]) == 0)
    }

    @Test(
        "paths the loader may read",
        arguments: [
            ("a.pem", true), ("./a.pem", true), ("shard//a.pem", true), ("..a/b", true), ("a../b", true),
            ("...", true), ("a/..b", true), ("", false), ("/a.pem", false), ("..", false), ("../a", false),
            ("a/..", false), ("a/../b", false), ("a/../", false), ("./..", false), ("a//../b", false),
            ("a//..", false), ("../", false), ("a\u{0}b", false),
        ])
    func mayHint(path: String, allowed: Bool) {
        #expect(BundlePrefetch.mayHint(path) == allowed)
    }

    /// Every path of up to five of these bytes: `mayHint` reads it byte by byte as the plain rule does
    /// with `RelativePath`'s components (relative, no `..` component, no NUL).
    @Test func mayHintIsThePlainRule() {
        let alphabet: [String] = ["a", ".", "/", "\u{0}", "é"]
        var paths = [""]
        var frontier = [""]
        for _ in 1...5 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            paths += frontier
        }
        for path in paths {
            let plain =
                !path.isEmpty && !path.hasPrefix("/") && !path.utf8.contains(0)
                && !RelativePath.components(of: path).contains("..")
            #expect(BundlePrefetch.mayHint(path) == plain, "\(Array(path.utf8))")
        }
    }

    @Test func hintsGoOnWhileTheRunReadsFromStorage() {
        #expect(BundlePrefetch.hintsNextRound(isFirst: true, blocksBefore: 5, blocksNow: 5))
        #expect(BundlePrefetch.hintsNextRound(isFirst: false, blocksBefore: 5, blocksNow: 6))
        #expect(!BundlePrefetch.hintsNextRound(isFirst: false, blocksBefore: 5, blocksNow: 5))
    }

    /// What decides whether hints go on: a file whose pages were dropped from the cache is read from
    /// storage, and the count grows. Only where the temporary folder is on a local disk file system
    /// that counts its reads (not tmpfs, a network or an overlay one).
    @Test(.enabled(if: temporaryFolderIsOnLocalDisk)) func blocksReadGrowWhenAFileComesFromStorage() throws {
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

    /// Whether the temporary folder's file system is one of the local disk ones: the mount with the
    /// longest mount point holding it, the last such (the visible one) where mounts are stacked.
    static var temporaryFolderIsOnLocalDisk: Bool {
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
        var holding: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2 else { continue }
            // /proc/mounts writes a space in a mount point as `\040`.
            let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
            guard folder == point || folder.hasPrefix(point == "/" ? "/" : point + "/") else { continue }
            if point.utf8.count >= (holding?.point.utf8.count ?? 0) { holding = (point, String(fields[2])) }
        }
        return ["ext2", "ext3", "ext4", "xfs", "btrfs"].contains(holding?.type ?? "")
    }
}
