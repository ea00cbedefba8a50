import Foundation
import Testing

@testable import CertAuditReport

/// The streamed report files go through a 64 KiB buffer: pieces smaller and larger than it, across
/// its edge, must land in the file exactly once and in order.
@Suite struct BufferedFileOutputTests {
    @Test func piecesOfEverySizeLandInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-buffer-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        var expected: [UInt8] = []
        let output = try BufferedFileOutput(path: path)
        for (index, size) in [1, 65_535, 2, 70_000, 0, 65_536, 13, 200_000, 7].enumerated() {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) }
            if index % 2 == 0 {
                try output.write(piece)
            } else {
                try output.write(String(decoding: piece.map { $0 & 0x3F | 0x40 }, as: UTF8.self))
                expected += piece.map { $0 & 0x3F | 0x40 }
                continue
            }
            expected += piece
        }
        try output.flush()
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        // A file that already exists is never overwritten.
        #expect(throws: ReportError.self) { _ = try BufferedFileOutput(path: path) }
    }

    /// Records appended straight into the buffer: the buffer is written out once it holds a block,
    /// whatever size the records are, and nothing is lost or repeated across that edge.
    @Test func appendedRecordsLandInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-buffer-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        var expected: [UInt8] = []
        let output = try BufferedFileOutput(path: path)
        for (index, size) in [3, 65_530, 9, 0, 140_000, 1, 65_536, 17].enumerated() {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ index) }
            if index % 3 == 0 { try output.write(piece) } else { try output.append { $0.append(contentsOf: piece) } }
            expected += piece
        }
        try output.flush()
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }
}
