/// A CSV document already in memory, parsed with the same parser as files: what fuzzing and callers
/// that hold bytes use. Returns the header (nil for an empty document) and every row after it.
public enum CSVDocument {
    public static func rows(of bytes: [UInt8], limits: CSVLimits = CSVLimits()) -> (header: CSVRow?, rows: [CSVRow]) {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = CSVParser(bytes: buffer, limits: limits)
            let header = parser.next()
            var rows: [CSVRow] = []
            while let row = parser.next() { rows.append(row) }
            return (header, rows)
        }
    }
}
