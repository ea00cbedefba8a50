/// A CSV input file opened for reading: the mapped bytes, the encoding they were read in, and the
/// rows after the header.
///
/// Encoding: UTF-8 (a BOM is skipped); with `auto`, a file that is not valid UTF-8 is converted from
/// GB18030 when it is valid GB18030, and otherwise read as UTF-8 so that only the rows holding
/// invalid bytes are quarantined.
public final class CSVFile {
    public let name: String
    /// `utf-8` or `gb18030`: what the report says the file was read as.
    public let encoding: String
    /// The header's fields, as written.
    public let header: [String]
    /// The 1-based line of the header.
    public let headerLine: Int
    /// At most this many rows follow the header (the input's line ends): what a reader reserves, so
    /// that a table of a million rows is made once instead of grown — and copied — twenty times.
    public let maximumRowCount: Int

    private let mapped: MappedFile
    /// The UTF-8 conversion of a GB18030 file, owned here so the parser's pointer stays valid.
    private let converted: UnsafeMutableBufferPointer<UInt8>?
    private var parser: CSVParser

    public init(path: String, name: String, encoding choice: TextEncodingChoice, limits: CSVLimits = CSVLimits())
        throws(InputFileError)
    {
        self.name = name
        mapped = try MappedFile(path: path, name: name)
        var decoded: [UInt8]?
        switch choice {
        case .utf8:
            encoding = "utf-8"
        case .gb18030:
            guard let bytes = GB18030Decoder.toUTF8(mapped.bytes) else {
                throw InputFileError(file: name, reason: "not valid GB18030 (--encoding gb18030)")
            }
            decoded = bytes
            encoding = "gb18030"
        case .auto:
            if !UTF8Validation.isValid(mapped.bytes), let bytes = GB18030Decoder.toUTF8(mapped.bytes) {
                decoded = bytes
                encoding = "gb18030"
            } else {
                encoding = "utf-8"
            }
        }
        let source: UnsafeBufferPointer<UInt8>
        if let decoded {
            let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: decoded.count)
            _ = owned.initialize(from: decoded)
            converted = owned
            source = UnsafeBufferPointer(owned)
        } else {
            converted = nil
            source = mapped.bytes
        }
        parser = CSVParser(bytes: source, limits: limits)
        maximumRowCount = CSVParser.lineEnds(in: source)
        guard let first = parser.next() else {
            throw InputFileError(file: name, reason: "empty file: a header row is required")
        }
        switch first {
        case .record(let line, let fields):
            header = fields
            headerLine = line
        case .malformed(let line, _, let reason):
            throw InputFileError(file: name, reason: "line \(line): the header row is malformed: \(reason)")
        }
    }

    deinit { converted?.deallocate() }

    /// The next data row, or nil at the end of the file.
    public func nextRow() -> CSVRow? { parser.next() }
}
