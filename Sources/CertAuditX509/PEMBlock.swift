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
    static func scan(_ bytes: [UInt8]) -> (blocks: [PEMBlock], unterminated: (label: String, line: Int)?) {
        var blocks: [PEMBlock] = []
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].last == UInt8(ascii: "\r") {
            lines[index] = lines[index].dropLast()
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let label = Self.label(line, prefix: begin) else {
                index += 1
                continue
            }
            let startLine = index + 1
            var text = Array(line) + [UInt8(ascii: "\n")]
            var encrypted = false
            var cursor = index + 1
            var closed = false
            while cursor < lines.count {
                let body = lines[cursor]
                text += Array(body) + [UInt8(ascii: "\n")]
                if body.starts(with: Array("Proc-Type:".utf8)) && body.contains(Array("ENCRYPTED".utf8)) {
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
            blocks.append(PEMBlock(label: label, line: startLine, text: text, hasEncryptionHeader: encrypted))
            index = cursor + 1
        }
        return (blocks, nil)
    }

    /// The body's bytes when the block has the standard layout — no headers, base64 lines of 64
    /// characters but the last (1 to 64), padding only at the end — else nil. Any block OpenSSL's
    /// PEM reader accepts in this layout decodes to the same bytes here; anything else is left to it.
    func standardBody() -> [UInt8]? {
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].last == UInt8(ascii: "\r") {
            lines[index] = lines[index].dropLast()
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard lines.count >= 3 else { return nil }
        let body = lines[1..<(lines.count - 1)]
        guard body.dropLast().allSatisfy({ $0.count == 64 }), let last = body.last, (1...64).contains(last.count)
        else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(body.count * 48)
        var accumulator: UInt32 = 0
        var pending = 0
        var padding = 0
        for line in body {
            for character in line {
                if character == UInt8(ascii: "=") {
                    padding += 1
                    continue
                }
                guard padding == 0, let value = Self.base64Value(character) else { return nil }
                accumulator = accumulator << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    out.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    pending = 0
                }
            }
        }
        switch (pending, padding) {
        case (0, 0): break
        case (2, 2): out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case (3, 1):
            out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default: return nil
        }
        return out
    }

    private static func base64Value(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    private static func label(_ line: ArraySlice<UInt8>, prefix: [UInt8]) -> String? {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed = trimmed.dropLast()
        }
        guard trimmed.starts(with: prefix), trimmed.count > prefix.count + 5,
            Array(trimmed.suffix(5)) == Array("-----".utf8)
        else { return nil }
        return String(decoding: trimmed.dropFirst(prefix.count).dropLast(5), as: UTF8.self)
    }
}

extension ArraySlice where Element == UInt8 {
    func contains(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        var start = startIndex
        while start + needle.count <= endIndex {
            if self[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
