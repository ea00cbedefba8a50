/// One CSV cell: text from the inputs (neutralised against formula injection) or a value the tool
/// wrote itself (a number, a date, an enumerated word), left as it is.
///
/// Encoded on UTF-8 bytes, straight into the record being written (a 100,000-certificate estate has
/// tens of millions of cells). Every byte a rule looks at is ASCII, so the rule on bytes is the rule
/// on Unicode scalars; a cell that needs neither quotes nor a guard is copied as it is.
enum CSVCell {
    case text(String?)
    case value(String?)

    /// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. A text cell that
    /// begins with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (REPORTS.md).
    ///
    /// Decision: the rule looks at each scalar, not at each `Character`, so a comma or quote that a
    /// combining mark follows (one `Character`, still a comma byte to every CSV reader) quotes the
    /// cell too.
    func append(to record: inout [UInt8]) {
        switch self {
        case .text(let text): Self.append(text, guarded: true, to: &record)
        case .value(let value): Self.append(value, guarded: false, to: &record)
        }
    }

    /// The cell as text (tests, and anything small).
    var encoded: String {
        var record: [UInt8] = []
        append(to: &record)
        return String(decoding: record, as: UTF8.self)
    }

    /// Appends `content` encoded; `guarded` for text from the inputs.
    static func append(_ content: String?, guarded: Bool, to record: inout [UInt8]) {
        guard let content, !content.isEmpty else { return }
        let appended: Void? = content.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes, guarded: guarded, to: &record)
        }
        if appended == nil { Array(content.utf8).withUnsafeBufferPointer { append($0, guarded: guarded, to: &record) } }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool, to record: inout [UInt8]) {
        let formula = guarded && bytes.first.map(startsFormula) == true
        let quoted = bytes.contains { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }
        guard quoted || formula else {
            record.append(contentsOf: bytes)
            return
        }
        if quoted { record.append(quote) }
        if formula { record.append(apostrophe) }
        if quoted {
            for byte in bytes {
                record.append(byte)
                if byte == quote { record.append(quote) }
            }
            record.append(quote)
        } else {
            record.append(contentsOf: bytes)
        }
    }

    /// `=`, `+`, `-`, `@`, tab, CR: what a spreadsheet may read as the start of a formula.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
            carriageReturn:
            true
        default: false
        }
    }
}
