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
