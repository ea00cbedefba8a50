import Glibc

/// An RFC 4180 parser over bytes: comma separator, `"` quoting with `""` inside quotes, quoted line
/// breaks, CRLF or LF (or a lone CR) line ends, a last line with or without a line end, blank lines
/// skipped. It works on UTF-8 bytes and validates each field's encoding, so one bad row never harms
/// the others.
///
/// Malformed rows are reported, and parsing goes on: a stray quote or an oversize field skips to the
/// end of the physical line; a quoted field that never closes (or grows past the field limit)
/// reports its row and resumes at the line after the row's first line, so one unbalanced quote
/// cannot swallow the rest of the file.
struct CSVParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: CSVLimits
    private let checkUTF8: Bool
    private var position = 0
    private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(bytes: UnsafeBufferPointer<UInt8>, limits: CSVLimits, checkUTF8: Bool = true) {
        self.bytes = bytes
        self.limits = limits
        self.checkUTF8 = checkUTF8
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    /// How many line ends `bytes` holds (LF, CRLF or a lone CR, as the parser reads them): a row ends
    /// at one or at the end of the input, so the rows after a header are at most this many. LFs are
    /// counted with `memchr`; the byte-by-byte pass runs only when the input holds a CR at all.
    static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        guard memchr(base, Int32(carriageReturn), bytes.count) != nil else {
            var count = 0
            var cursor = UnsafeRawPointer(base)
            let end = UnsafeRawPointer(base + bytes.count)
            while let found = memchr(cursor, Int32(newline), end - cursor) {
                count += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            return count
        }
        var count = 0
        for index in bytes.indices {
            switch bytes[index] {
            case newline: count += 1
            case carriageReturn where index + 1 == bytes.count || bytes[index + 1] != newline: count += 1
            default: break
            }
        }
        return count
    }

    /// The next row, or nil at the end of the input.
    mutating func next() -> CSVRow? {
        while position < bytes.count {
            let startLine = line
            let start = position
            if let row = parseRow(startLine: startLine, start: start) { return row }
        }
        return nil
    }

    private enum Failure {
        case skipLine(column: Int, reason: String)
        case unterminated(column: Int, reason: String)
    }

    /// Parses one row starting at `start`; nil for a blank line.
    private mutating func parseRow(startLine: Int, start: Int) -> CSVRow? {
        var fields: [String] = []
        var field: [UInt8] = []
        var failure: Failure?
        var endOfFirstLine: (position: Int, line: Int)?
        var hasNUL = false

        func finishField() -> Bool {
            if fields.count >= limits.fieldsPerRow {
                failure = .skipLine(column: fields.count + 1, reason: "more than \(limits.fieldsPerRow) fields")
                return false
            }
            if hasNUL {
                failure = .skipLine(column: fields.count + 1, reason: "field \(fields.count + 1) holds a NUL byte")
                return false
            }
            // Checked by `UTF8Validation`, then decoded: `String(validating:as:)` is generic and not
            // specialized for byte arrays on Linux (about 500 instructions and a metadata lookup per
            // field, a fifth of reading certificates.csv); on valid bytes `String(decoding:as:)`
            // gives the same string.
            if !checkUTF8 || field.withUnsafeBufferPointer(UTF8Validation.isValid) {
                fields.append(String(decoding: field, as: UTF8.self))
            } else {
                failure = .skipLine(column: fields.count + 1, reason: "field \(fields.count + 1) is not valid UTF-8")
                return false
            }
            field.removeAll(keepingCapacity: true)
            return true
        }

        rowLoop: while true {
            // Start of a field.
            if position < bytes.count && bytes[position] == Self.quote {
                position += 1
                while true {
                    guard position < bytes.count else {
                        failure = .unterminated(
                            column: fields.count + 1, reason: "quoted field \(fields.count + 1) is never closed")
                        break rowLoop
                    }
                    let byte = bytes[position]
                    if byte == Self.quote {
                        if position + 1 < bytes.count && bytes[position + 1] == Self.quote {
                            field.append(Self.quote)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if byte == Self.newline
                        || (byte == Self.carriageReturn
                            && !(position + 1 < bytes.count && bytes[position + 1] == Self.newline))
                    {
                        line += 1
                        if endOfFirstLine == nil { endOfFirstLine = (position + 1, line) }
                    }
                    if byte == 0 { hasNUL = true }
                    field.append(byte)
                    position += 1
                    if field.count > limits.fieldBytes {
                        failure = .unterminated(
                            column: fields.count + 1,
                            reason: "field \(fields.count + 1) is longer than \(limits.fieldBytes) bytes")
                        break rowLoop
                    }
                }
                // After the closing quote: a separator, a line end or the end of input.
                if position < bytes.count {
                    let byte = bytes[position]
                    if byte != Self.comma && byte != Self.newline && byte != Self.carriageReturn {
                        failure = .skipLine(
                            column: fields.count + 1,
                            reason: "stray character after the closing quote of field \(fields.count + 1)")
                        break rowLoop
                    }
                }
            } else {
                // Scanned to its end, then taken whole: byte by byte appends were most of the parse.
                let start = position
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
                    if byte == Self.quote {
                        failure = .skipLine(
                            column: fields.count + 1, reason: "stray quote inside unquoted field \(fields.count + 1)")
                        break rowLoop
                    }
                    if byte == 0 { hasNUL = true }
                    position += 1
                    if position - start > limits.fieldBytes {
                        failure = .skipLine(
                            column: fields.count + 1,
                            reason: "field \(fields.count + 1) is longer than \(limits.fieldBytes) bytes")
                        break rowLoop
                    }
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            guard finishField() else { break rowLoop }
            // Separator or end of row.
            guard position < bytes.count else { break rowLoop }
            let byte = bytes[position]
            if byte == Self.comma {
                position += 1
                continue
            }
            consumeLineEnd()
            break rowLoop
        }

        switch failure {
        case .none:
            if fields.count == 1 && fields[0].isEmpty && !startsWithQuote(start) { return nil }
            return .record(line: startLine, fields: fields)
        case .skipLine(let column, let reason):
            skipToLineEnd()
            return .malformed(line: startLine, column: column, reason: reason)
        case .unterminated(let column, let reason):
            if let resume = endOfFirstLine {
                position = resume.position
                line = resume.line
            } else {
                skipToLineEnd()
            }
            return .malformed(line: startLine, column: column, reason: reason)
        }
    }

    private func startsWithQuote(_ start: Int) -> Bool { start < bytes.count && bytes[start] == Self.quote }

    private mutating func consumeLineEnd() {
        if position < bytes.count && bytes[position] == Self.carriageReturn { position += 1 }
        if position < bytes.count && bytes[position] == Self.newline { position += 1 }
        line += 1
    }

    private mutating func skipToLineEnd() {
        while position < bytes.count && bytes[position] != Self.newline && bytes[position] != Self.carriageReturn {
            position += 1
        }
        if position < bytes.count { consumeLineEnd() }
    }
}
