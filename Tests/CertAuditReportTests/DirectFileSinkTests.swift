import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// Report files are written past the page cache (`O_DIRECT`) in aligned blocks, their last
/// part-block through the cache: the bytes must land exactly as written whatever the pieces' sizes
/// against the block and the buffer, and wherever direct writes are refused.
@Suite struct DirectFileSinkTests {
    /// Pieces across the 4 KiB block, the 64 KiB buffer and the 1 MiB direct buffer, hashed as they
    /// are written; the file stays direct until its last part-block, and what is written after a
    /// flush still lands after it.
    @Test func aFileWrittenDirectHoldsEveryByteInOrder() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        let output = try BufferedFileOutput(path: path, mirror: nil, direct: true, digest: SwiftSHA256())
        let direct = output.isDirect
        var expected: [UInt8] = []
        for (index, size) in [1, 4_095, 4_096, 65_536, 1 << 20, 3, (1 << 20) - 5, 200_000, 4_097, 0, 70_000]
            .enumerated()
        {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            if index % 2 == 0 { try output.write(piece) } else { try output.append { $0 += piece } }
            expected += piece
        }
        #expect(output.isDirect == direct)
        try output.flush()
        #expect(!output.isDirect)
        try output.write(Array("after the flush".utf8))
        expected += Array("after the flush".utf8)
        try output.flush()
        #expect(output.finishDigest() == SwiftSHA256.hex(expected))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        // The bench machine's ext4 (and tmpfs since Linux 6.6) take direct writes.
        if Self.fileSystemType(of: folder.path).map(["ext4", "xfs", "btrfs"].contains) == true { #expect(direct) }
    }

    /// The staging writes the report's files direct; a file asked for without it is written through
    /// the cache.
    @Test func stagedFilesAreWrittenDirectAndOthersAreNot() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var staged: Bool?
        try ReportStaging(directory: folder.path).stream("staged") { (output: BufferedFileOutput) throws(ReportError) in
            staged = output.isDirect
        }
        let plain = try BufferedFileOutput(path: folder.appendingPathComponent("plain").path)
        #expect(!plain.isDirect)
        if Self.fileSystemType(of: folder.path).map(["ext4", "xfs", "btrfs"].contains) == true {
            #expect(staged == true)
        }
    }

    /// A file of whole blocks is written direct to its end.
    @Test func aFileOfWholeBlocksStaysDirectToItsEnd() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        let output = try BufferedFileOutput(path: path, mirror: nil, direct: true)
        let direct = output.isDirect
        let bytes = (0..<(3 << 20) + 8_192).map { UInt8(truncatingIfNeeded: $0 >> 3) }
        try output.write(bytes)
        try output.flush()
        #expect(output.isDirect == direct)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    /// Where the descriptor refuses `O_DIRECT` (a socket), the sink writes through it as it is.
    @Test func aDescriptorThatRefusesDirectIsWrittenAsItIs() throws {
        var ends: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        defer { for end in ends { close(end) } }
        let sink = DirectFileSink(descriptor: ends[0], direct: true)
        #expect(!sink.isDirect)
        let bytes = Array("through the socket".utf8)
        #expect(bytes.withUnsafeBytes { sink.write($0) } && sink.drain())
        var received = [UInt8](repeating: 0, count: 64)
        #expect(read(ends[1], &received, 64) == bytes.count)
        #expect(Array(received.prefix(bytes.count)) == bytes)
    }

    /// A direct write the file system refuses (here: the file is already at an offset that is not a
    /// block's start) is made again through the cache, and the file carries on there.
    @Test func aRefusedDirectWriteIsMadeThroughTheCache() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(write(descriptor, "abc", 3) == 3)
        let sink = DirectFileSink(descriptor: descriptor, direct: true)
        let bytes = (0..<(DirectFileSink.capacity * 2 + 10)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(bytes.withUnsafeBytes { sink.write($0) })
        // ext4 and xfs refuse it; tmpfs (since Linux 6.6) and btrfs take it through their own cache.
        if Self.fileSystemType(of: folder.path).map(["ext4", "xfs"].contains) == true { #expect(!sink.isDirect) }
        #expect(sink.drain())
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == Array("abc".utf8) + bytes)
    }

    /// A block written behind that fails is reported by the sink's next write or by its drain, with
    /// the system's errno, whether or not the file is written direct (a descriptor open for reading).
    @Test func aBlockThatFailsBehindIsReported() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let bytes = [UInt8](repeating: 7, count: DirectFileSink.capacity * 2)
        for piece in [bytes, Array(bytes.prefix(DirectFileSink.capacity))] {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            let sink = DirectFileSink(descriptor: descriptor, direct: true)
            errno = 0
            let written = piece.withUnsafeBytes { sink.write($0) } && sink.drain()
            #expect(!written)
            #expect(errno == EBADF)
        }
    }

    /// An output abandoned without a flush (after an error) waits for the block it is writing behind
    /// before it closes its descriptor: once it is gone, the block is in the file, and no write is
    /// left to land on a descriptor that another file may be given next.
    @Test func anAbandonedOutputFinishesItsBlockBeforeClosing() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        let bytes = (0..<(DirectFileSink.capacity + 10)).map { UInt8(truncatingIfNeeded: $0 &* 11) }
        var direct = false
        do {
            let output = try BufferedFileOutput(path: path, mirror: nil, direct: true)
            direct = output.isDirect
            try output.write(bytes)
        }
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if direct {
            #expect(written == Array(bytes.prefix(DirectFileSink.capacity)))
        } else {
            #expect(written.isEmpty || written == bytes)
        }
    }

    /// A new folder under the temporary directory for one test's files; the test removes it.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-direct-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The type of the file system `path` is on, from /proc/mounts (the longest mount point that
    /// holds it); nil where there is no /proc.
    static func fileSystemType(of path: String) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return nil }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 2 else { continue }
            let point = fields[1]
            let holds = point == "/" || resolved == point || resolved.hasPrefix(point + "/")
            if holds, point.count >= (best?.point.count ?? -1) { best = (point, fields[2]) }
        }
        return best?.type
    }
}
