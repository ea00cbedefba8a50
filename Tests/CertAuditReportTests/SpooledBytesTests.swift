import Foundation
import Testing

@testable import CertAuditReport

/// `SpooledBytes` gives back exactly what was appended, in order, as often as it is read — across
/// its buffers' edges, passing over some bytes and reading others — and leaves no file behind.
@Suite struct SpooledBytesTests {
    @Test func readsBackEveryByteInOrderAsOftenAsAsked() throws {
        let folder = NSTemporaryDirectory() + "spool-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spool = try SpooledBytes(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // Pieces of every length up to 3,000 bytes, over two and a half buffers in all.
        var pieces: [[UInt8]] = []
        var state: UInt32 = 7
        var total = 0
        while total < SpooledBytes.bufferSize * 5 / 2 {
            state = state &* 1_664_525 &+ 1_013_904_223
            let piece = (0..<Int(state % 3_001)).map { UInt8(truncatingIfNeeded: $0 &+ Int(state >> 8)) }
            pieces.append(piece)
            total += piece.count
            try spool.append(piece)
        }
        for pass in 0..<2 {
            var reader = try spool.reader()
            for (index, piece) in pieces.enumerated() {
                if (index + pass) % 3 == 0 {
                    try reader.skip(piece.count)
                } else {
                    var read: [UInt8] = [0xFF]
                    try reader.read(piece.count, appendingTo: &read)
                    #expect(read == [0xFF] + piece, "pass \(pass), piece \(index)")
                }
            }
            #expect(throws: ReportError.self) { try reader.skip(1) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aFolderThatCannotHoldItIsAnError() {
        #expect(throws: ReportError.self) { try SpooledBytes(in: "/nonexistent-\(UUID().uuidString)") }
    }
}
