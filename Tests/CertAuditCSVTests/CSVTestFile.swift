import Foundation

@testable import CertAuditCSV

/// Writes test inputs (built in code) to temporary files and reads them back through the reader.
enum CSVTestFile {
    /// Runs `body` on the path of `bytes` written to a new folder, and removes the folder when `body`
    /// returns or throws: each run of the tests otherwise left some 80 folders in the temporary folder.
    static func withFile<Result>(_ bytes: [UInt8], _ body: (String) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("input.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    /// The header and every row of a file, all read before the file is removed.
    static func rows(_ bytes: [UInt8], encoding: TextEncodingChoice = .auto, limits: CSVLimits = CSVLimits()) throws
        -> (file: CSVFile, rows: [CSVRow])
    {
        try withFile(bytes) { path in
            let file = try CSVFile(path: path, name: "input.csv", encoding: encoding, limits: limits)
            var rows: [CSVRow] = []
            while let row = file.nextRow() { rows.append(row) }
            return (file, rows)
        }
    }

    static func rows(_ text: String, encoding: TextEncodingChoice = .auto) throws -> (file: CSVFile, rows: [CSVRow]) {
        try rows(Array(text.utf8), encoding: encoding)
    }

    /// Converts UTF-8 text to GB18030 with glibc's iconv, as a spreadsheet on Chinese Windows saves it.
    static func gb18030(_ text: String) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 4)
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = target.baseAddress
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
