import CertAuditCore
import Glibc

/// One `-----BEGIN LABEL----- … -----END LABEL-----` block of a PEM file, found by a plain text scan
/// so that text around blocks (an `openssl x509 -text` dump) is fine and errors can say which block.
struct PEMBlock {
    let label: String
    /// 1-based line of the BEGIN line.
    let line: Int
    /// The whole block, BEGIN and END lines included, ready for OpenSSL's PEM reader.
    let text: [UInt8]
    /// Legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED` header).
    let hasEncryptionHeader: Bool

    static let begin = Array("-----BEGIN ".utf8)
    static let end = Array("-----END ".utf8)

    /// Every complete block; `unterminated` names the BEGIN line of a block that never ends.
    ///
    /// Works on line ranges of the file's bytes: a block's text is copied once, at its final size
    /// (per line arrays and their concatenation were a sixth of a bundle's own work in callgrind).
    static func scan(_ bytes: [UInt8]) -> (blocks: [PEMBlock], unterminated: (label: String, line: Int)?) {
        bytes.withUnsafeBufferPointer { buffer in
            var blocks: [PEMBlock] = []
            let lines = lineRanges(buffer)
            var index = 0
            while index < lines.count {
                guard let label = Self.label(buffer[lines[index]], prefix: begin) else {
                    index += 1
                    continue
                }
                let startLine = index + 1
                var encrypted = false
                var cursor = index + 1
                var closed = false
                while cursor < lines.count {
                    let body = buffer[lines[cursor]]
                    if body.starts(with: procType) && body.contains(encryptedMark) {
                        encrypted = true
                    }
                    if let endLabel = Self.label(body, prefix: end), endLabel == label {
                        closed = true
                        break
                    }
                    if Self.label(body, prefix: begin) != nil { break }
                    cursor += 1
                }
                guard closed else { return (blocks, (label, startLine)) }
                // The lines from BEGIN to END, each ended by a line feed (a CR before it dropped).
                let covered = lines[index...cursor]
                var text: [UInt8] = []
                text.reserveCapacity(covered.reduce(0) { $0 + $1.count + 1 })
                for range in covered {
                    text.append(contentsOf: buffer[range])
                    text.append(UInt8(ascii: "\n"))
                }
                blocks.append(PEMBlock(label: label, line: startLine, text: text, hasEncryptionHeader: encrypted))
                index = cursor + 1
            }
            return (blocks, nil)
        }
    }

    static let procType = Array("Proc-Type:".utf8)
    static let encryptedMark = Array("ENCRYPTED".utf8)

    /// The lines of `buffer` as index ranges, split at each LF (the piece after the last one too, empty
    /// or not) with one CR before the LF left out: what `split(separator:omittingEmptySubsequences:
    /// false)` and dropping a last CR gave, without an array per line.
    static func lineRanges(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        guard let base = buffer.baseAddress else { return [0..<0] }
        var start = 0
        func add(_ end: Int) {
            let last = end > start && buffer[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
            ranges.append(start..<last)
        }
        while start <= buffer.count {
            guard start < buffer.count,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
            else {
                add(buffer.count)
                break
            }
            let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            add(end)
            start = end + 1
        }
        return ranges
    }

    /// The body's bytes when the block has the standard layout — no headers, base64 lines of 64
    /// characters but the last (1 to 64), padding only at the end — else nil. Any block OpenSSL's
    /// PEM reader accepts in this layout decodes to the same bytes here; anything else is left to it.
    func standardBody() -> [UInt8]? {
        text.withUnsafeBufferPointer { buffer -> [UInt8]? in
            var lines = Self.lineRanges(buffer)
            while let last = lines.last, last.isEmpty { lines.removeLast() }
            guard lines.count >= 3 else { return nil }
            let body = lines[1..<(lines.count - 1)]
            guard body.dropLast().allSatisfy({ $0.count == 64 }), let last = body.last, (1...64).contains(last.count)
            else { return nil }
            var valid = true
            let out = Self.base64Values.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: body.count * 48) { out, written in
                    written = 0
                    var accumulator: UInt32 = 0
                    var pending = 0
                    var padding = 0
                    for range in body {
                        for index in range {
                            let value = table[Int(buffer[index])]
                            if value == Self.paddingValue {
                                padding += 1
                                continue
                            }
                            guard padding == 0, value != Self.invalidValue else {
                                valid = false
                                return
                            }
                            accumulator = accumulator << 6 | UInt32(value)
                            pending += 1
                            if pending == 4 {
                                out[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                                out[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                                out[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                                written += 3
                                accumulator = 0
                                pending = 0
                            }
                        }
                    }
                    switch (pending, padding) {
                    case (0, 0): break
                    case (2, 2):
                        out[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
                        written += 1
                    case (3, 1):
                        out[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
                        out[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
                        written += 2
                    default: valid = false
                    }
                }
            }
            return valid ? out : nil
        }
    }

    private static let invalidValue: UInt8 = 0xFF
    private static let paddingValue: UInt8 = 0xFE

    /// Each byte's base64 value, `paddingValue` for `=`, `invalidValue` for anything else: one load
    /// per character instead of a chain of range tests.
    private static let base64Values: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        case UInt8(ascii: "="): paddingValue
        default: invalidValue
        }
    }

    private static func label<Line: BidirectionalCollection>(_ line: Line, prefix: [UInt8]) -> String?
    where Line.Element == UInt8 {
        // Trimming only shortens the end: a line that does not start with the prefix never will.
        guard line.starts(with: prefix) else { return nil }
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed = trimmed.dropLast()
        }
        guard trimmed.count > prefix.count + 5, trimmed.suffix(5).elementsEqual(dashes) else { return nil }
        return String(decoding: trimmed.dropFirst(prefix.count).dropLast(5), as: UTF8.self)
    }

    private static let dashes = Array("-----".utf8)
}
