import Foundation
import Testing

@testable import CertAuditReport

/// The pipe that carries report.xml to its validation while it is written.
struct BytePipeTests {
    /// Everything sent arrives in order, whatever the size of the reads, then the end.
    @Test func theReaderGetsEveryByteInOrderThenTheEnd() {
        let pipe = BytePipe(capacity: 2)
        let sent = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let reader = Reader(pipe: pipe, readSize: 777)
        reader.start()
        for start in stride(from: 0, to: sent.count, by: 1_000) {
            sent[start..<min(start + 1_000, sent.count)].withUnsafeBufferPointer { pipe.send($0) }
        }
        pipe.close()
        #expect(reader.finish() == sent)
    }

    /// A piece handed over whole arrives in order with copied ones, and the writer gets back an empty
    /// array: once the reader has finished a piece, the room of that piece.
    @Test func aPieceHandedOverArrivesAndItsRoomComesBack() {
        let pipe = BytePipe(capacity: 2)
        let sent = (0..<30_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let reader = Reader(pipe: pipe, readSize: 4_000)
        reader.start()
        var buffer: [UInt8] = []
        var roomsGivenBack = 0
        for start in stride(from: 0, to: sent.count, by: 3_000) {
            let piece = sent[start..<min(start + 3_000, sent.count)]
            if start % 6_000 == 0 {
                piece.withUnsafeBufferPointer { pipe.send($0) }
            } else {
                buffer.append(contentsOf: piece)
                pipe.send(taking: &buffer)
                #expect(buffer.isEmpty)
                if buffer.capacity >= 3_000 { roomsGivenBack += 1 }
            }
        }
        pipe.close()
        #expect(reader.finish() == sent)
        // The reader finishes pieces as the writer sends more (two wait at most): some come back.
        #expect(roomsGivenBack > 0)
    }

    /// A piece handed to a pipe whose reader gave up is dropped, and the writer keeps its room.
    @Test func aPieceHandedToAnAbandonedPipeIsDropped() {
        let pipe = BytePipe(capacity: 1)
        pipe.abandon()
        var buffer = [UInt8](repeating: 9, count: 5_000)
        let room = buffer.capacity
        pipe.send(taking: &buffer)
        #expect(buffer.isEmpty)
        #expect(buffer.capacity == room)
        pipe.close()
        var read = [UInt8](repeating: 0, count: 10)
        #expect(read.withUnsafeMutableBytes { pipe.receive(into: $0.baseAddress!, count: 10) } == 0)
    }

    /// A reader that gives up does not block the writer, however much more it sends.
    @Test func aReaderThatStopsEarlyLeavesTheWriterFree() {
        let pipe = BytePipe(capacity: 1)
        let piece = [UInt8](repeating: 7, count: 100)
        piece.withUnsafeBufferPointer { pipe.send($0) }
        pipe.abandon()
        for _ in 0..<1_000 { piece.withUnsafeBufferPointer { pipe.send($0) } }
        pipe.close()
        var buffer = [UInt8](repeating: 0, count: 10)
        #expect(buffer.withUnsafeMutableBytes { pipe.receive(into: $0.baseAddress!, count: 10) } == 0)
    }

    /// Reads the pipe to its end on a thread of its own.
    final class Reader: @unchecked Sendable {
        let pipe: BytePipe
        let readSize: Int
        private var received: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)

        init(pipe: BytePipe, readSize: Int) {
            self.pipe = pipe
            self.readSize = readSize
        }

        func start() {
            Thread {
                var buffer = [UInt8](repeating: 0, count: self.readSize)
                while true {
                    let count = buffer.withUnsafeMutableBytes {
                        self.pipe.receive(into: $0.baseAddress!, count: $0.count)
                    }
                    if count == 0 { break }
                    self.received += buffer[0..<count]
                }
                self.done.signal()
            }.start()
        }

        /// What was read, once the end was reached.
        func finish() -> [UInt8] {
            done.wait()
            return received
        }
    }
}
