import Testing

@testable import CertAuditCSV

/// `CSVFile.maximumRowCount` is what a table reserves: it must never be below the rows the parser
/// returns, whatever the line ends (LF, CRLF, a lone CR) and whether the last line ends.
struct MaximumRowCountTests {
    @Test(arguments: [
        "id,x\n1,2\n3,4\n", "id,x\n1,2\n3,4", "id,x\r\n1,2\r\n3,4\r\n", "id,x\r1,2\r3,4", "id,x\r\n1,2\r3,4\n5,6",
        "id,x\n\n\n1,2\n", "id,x\n1,\"two\nlines\"\n3,4\n", "id\n", "id",
    ])
    func boundsTheRowsAfterTheHeader(_ text: String) throws {
        let (file, rows) = try CSVTestFile.rows(text)
        #expect(rows.count <= file.maximumRowCount)
    }

    @Test func isExactForOneRowALineWhateverTheLineEnd() throws {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["id,x", "1,2", "3,4", "5,6"].joined(separator: end) + end
            let (file, rows) = try CSVTestFile.rows(text)
            #expect(rows.count == 3)
            // The header's line end is counted too: one more than the data rows, never fewer.
            #expect(file.maximumRowCount == 4, "line end \(Array(end.utf8))")
        }
    }

    @Test func countsLineEndsAsTheParserReadsThem() {
        let cases: [(String, Int)] = [("", 0), ("a", 0), ("a\n", 1), ("a\r\n", 1), ("a\r", 1), ("\r\r\n\n", 3)]
        for (text, expected) in cases {
            let bytes = Array(text.utf8)
            let count = bytes.withUnsafeBufferPointer { CSVParser.lineEnds(in: $0) }
            #expect(count == expected, "\(text.debugDescription)")
        }
    }
}
