import Foundation
import Testing

@testable import CertAuditReport

/// A block handed to `WriteBehind` is written on another thread while the caller goes on, lands
/// whole and in order, and a failed write is reported by `finished`, with how far it got.
@Suite struct WriteBehindTests {
    /// Into a pipe nobody reads yet, a mebibyte cannot be written (a pipe holds 64 KiB): `write`
    /// returns all the same, the caller then reads it all from the other end, and `finished` says
    /// the whole block was written.
    @Test(.timeLimit(.minutes(1))) func theCallerGoesOnWhileTheBlockIsWritten() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let count = 1 << 20
        let block = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 4096)
        defer { block.deallocate() }
        for index in 0..<count {
            block.storeBytes(of: UInt8(truncatingIfNeeded: index &* 13), toByteOffset: index, as: UInt8.self)
        }
        let behind = WriteBehind(descriptor: ends[1])
        behind.write(block, count: count)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while received.count < count {
            let read = Glibc.read(ends[0], &buffer, buffer.count)
            guard read > 0 else { break }
            received += buffer.prefix(read)
        }
        let outcome = try #require(behind.finished())
        close(ends[1])
        #expect(outcome.error == nil && outcome.written == count && outcome.count == count)
        #expect(received == Array(UnsafeRawBufferPointer(start: block, count: count)))
        #expect(behind.finished() == nil)
    }

    /// A write the system refuses (a descriptor open for reading only) is reported with its errno.
    @Test func aFailedWriteIsReported() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-behind-\(UUID())").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let block = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 4096)
        defer { block.deallocate() }
        let behind = WriteBehind(descriptor: descriptor)
        behind.write(block, count: 4096)
        let outcome = try #require(behind.finished())
        #expect(outcome.error == EBADF && outcome.written == 0)
    }
}
