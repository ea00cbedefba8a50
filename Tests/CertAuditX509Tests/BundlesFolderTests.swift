import CertAuditCore
import Foundation
import Glibc
import Testing

@testable import CertAuditX509

/// Bundles opened beneath the bundles folder in one call (`BundlesFolder`): the same answers as the
/// component-by-component walk and `realpath`, for every kind of path, and the file read is the one
/// resolved.
struct BundlesFolderTests {
    /// A bundles folder with one path of every kind a bundle path can name.
    private static func withFolder(_ body: (String) throws -> Void) throws {
        try Fixtures.withScratchFolder("beneath", making: ["sub/deeper"]) { folder in
            let manager = FileManager.default
            try Data("a".utf8).write(to: URL(fileURLWithPath: folder + "/sub/deeper/a.pem"))
            try Data("b".utf8).write(to: URL(fileURLWithPath: folder + "/b.pem"))
            try Data(repeating: 1, count: 2048).write(to: URL(fileURLWithPath: folder + "/large.pem"))
            try #require(mkfifo(folder + "/pipe.pem", 0o600) == 0)
            try manager.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: "sub")
            try manager.createSymbolicLink(atPath: folder + "/inside.pem", withDestinationPath: "b.pem")
            try manager.createSymbolicLink(atPath: folder + "/outside", withDestinationPath: "/etc")
            try manager.createSymbolicLink(atPath: folder + "/zero.pem", withDestinationPath: "/dev/zero")
            try manager.createSymbolicLink(atPath: folder + "/loop.pem", withDestinationPath: "loop.pem")
            try body(folder)
        }
    }

    /// What a `BundleFile` answers for a path: the resolution, whether it is a folder, the read.
    private static func answers(_ files: BundleFile, _ path: String) -> String {
        func outcome<T>(_ body: () throws(BundleError) -> T) -> String {
            do throws(BundleError) {
                return "\(try body())"
            } catch {
                return "\(error.code): \(error.message)"
            }
        }
        let resolved = outcome { () throws(BundleError) in try files.resolve(path) }
        let isFolder = outcome { () throws(BundleError) in try files.isFolder(path) }
        let read = outcome { () throws(BundleError) in try files.read(path) }
        return [resolved, isFolder, read].joined(separator: " | ")
    }

    @Test func openingBeneathTheFolderAnswersAsTheWalkDoes() throws {
        try Self.withFolder { folder in
            let real = try #require(BundleFile.realPath(folder))
            let beneath = try #require(BundlesFolder(realPath: real), "this system cannot open files beneath a folder")
            let paths = [
                "sub/deeper/a.pem", "./sub//deeper/./a.pem", "sub/deeper/a.pem/", "b.pem", "sub", "sub/deeper/",
                "large.pem", "pipe.pem", "linked/deeper/a.pem", "inside.pem", "outside/hostname", "zero.pem",
                "loop.pem", ".", "./", "missing.pem", "missing/a.pem", "b.pem/under-a-file", "../b.pem",
                "/etc/hostname",
            ]
            for path in paths {
                // A fresh `BundleFile` each way: each keeps what it resolved.
                let walked = BundleFile(root: folder, realRoot: real, limit: 1024)
                let opened = BundleFile(root: folder, realRoot: real, limit: 1024, folder: beneath)
                #expect(Self.answers(opened, path) == Self.answers(walked, path), "\(path)")
            }
            let files = BundleFile(root: folder, realRoot: real, limit: 1024, folder: beneath)
            #expect(try files.read("sub/deeper/a.pem") == Array("a".utf8))
            #expect(try files.isFolder("sub/deeper") && !files.isFolder("b.pem"))
        }
    }

    /// The file read is the one the path resolved to: swapped for another afterwards, the first is
    /// still what is read (the walk reopened the path by name, a window in which a link could be put
    /// in its place).
    @Test func theFileReadIsTheOneResolved() throws {
        try Self.withFolder { folder in
            let real = try #require(BundleFile.realPath(folder))
            let beneath = try #require(BundlesFolder(realPath: real), "this system cannot open files beneath a folder")
            let files = BundleFile(root: folder, realRoot: real, limit: 1024, folder: beneath)
            #expect(try !files.isFolder("b.pem"))
            try Data("swapped".utf8).write(to: URL(fileURLWithPath: folder + "/other.pem"))
            #expect(rename(folder + "/other.pem", folder + "/b.pem") == 0)
            #expect(try files.read("b.pem") == Array("b".utf8))
            // Read again, the path is opened anew (a file is read once a load; this is the fallback).
            #expect(try files.read("b.pem") == Array("swapped".utf8))
        }
    }

    @Test func aFolderThatCannotBeOpenedGivesNone() {
        #expect(BundlesFolder(realPath: "/nonexistent-certaudit-folder") == nil)
        #expect(BundlesFolder(realPath: "/etc/hostname") == nil)
    }
}
