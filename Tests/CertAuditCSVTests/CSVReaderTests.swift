import Foundation
import Testing

@testable import CertAuditCSV

struct CSVReaderTests {
    @Test func quotedFieldsLineBreaksAndEscapedQuotes() throws {
        let (file, rows) = try CSVTestFile.rows("id,note\r\n1,\"a, \"\"b\"\"\nsecond line\"\r\n2,plain\r\n")
        #expect(file.header == ["id", "note"])
        #expect(
            rows == [
                .record(line: 2, fields: ["1", "a, \"b\"\nsecond line"]), .record(line: 4, fields: ["2", "plain"]),
            ])
    }

    @Test func byteOrderMarkAndLFAndNoFinalNewline() throws {
        let (file, rows) = try CSVTestFile.rows([0xEF, 0xBB, 0xBF] + Array("id,x\n1,2\n3,4".utf8))
        #expect(file.header == ["id", "x"])
        #expect(rows == [.record(line: 2, fields: ["1", "2"]), .record(line: 3, fields: ["3", "4"])])
    }

    @Test func blankLinesAreSkippedAndLinesStillCount() throws {
        let (_, rows) = try CSVTestFile.rows("id\n\n1\n\r\n\n2\n")
        #expect(rows == [.record(line: 3, fields: ["1"]), .record(line: 6, fields: ["2"])])
    }

    @Test func aTrailingEmptyFieldIsKept() throws {
        let (_, rows) = try CSVTestFile.rows("a,b,c\n1,2,\n")
        #expect(rows == [.record(line: 2, fields: ["1", "2", ""])])
    }

    @Test func strayQuoteQuarantinesOnlyItsRow() throws {
        let (_, rows) = try CSVTestFile.rows("a,b\n1,x\"y\n2,ok\n")
        #expect(rows.count == 2)
        guard case .malformed(let line, let column, let reason) = rows[0] else {
            Issue.record("not malformed")
            return
        }
        #expect(line == 2 && column == 2)
        #expect(reason.contains("stray quote"))
        #expect(rows[1] == .record(line: 3, fields: ["2", "ok"]))
    }

    @Test func textAfterAClosingQuoteIsMalformed() throws {
        let (_, rows) = try CSVTestFile.rows("a,b\n1,\"x\"y\n2,ok\n")
        #expect(rows.map(\.line) == [2, 3])
        if case .malformed(_, _, let reason) = rows[0] {
            #expect(reason.contains("after the closing quote"))
        } else {
            Issue.record("not malformed")
        }
    }

    @Test func anUnterminatedQuoteDoesNotSwallowTheRest() throws {
        let (_, rows) = try CSVTestFile.rows("a,b\n1,\"never closed\n2,ok\n3,fine\n")
        #expect(rows.count == 3)
        if case .malformed(let line, _, let reason) = rows[0] {
            #expect(line == 2)
            #expect(reason.contains("never closed"))
        } else {
            Issue.record("not malformed")
        }
        #expect(rows[1] == .record(line: 3, fields: ["2", "ok"]))
        #expect(rows[2] == .record(line: 4, fields: ["3", "fine"]))
    }

    @Test func nulBytesQuarantineTheirRow() throws {
        let (_, rows) = try CSVTestFile.rows(Array("a,b\n1,x".utf8) + [0] + Array("y\n2,ok\n".utf8))
        #expect(rows.count == 2)
        if case .malformed(let line, _, let reason) = rows[0] {
            #expect(line == 2 && reason.contains("NUL"))
        } else {
            Issue.record("not malformed")
        }
        #expect(rows[1] == .record(line: 3, fields: ["2", "ok"]))
    }

    @Test func invalidUTF8InTheMiddleQuarantinesOnlyThatRow() throws {
        // 0xFF is neither UTF-8 nor GB18030, so auto-detection keeps UTF-8 and quarantines the row.
        let bytes = Array("a,b\n1,ok\n2,".utf8) + [0xFF, 0xFE] + Array("\n3,好\n".utf8)
        let (file, rows) = try CSVTestFile.rows(bytes)
        #expect(file.encoding == "utf-8")
        #expect(rows.count == 3)
        #expect(rows[0] == .record(line: 2, fields: ["1", "ok"]))
        if case .malformed(let line, let column, let reason) = rows[1] {
            #expect(line == 3 && column == 2 && reason.contains("UTF-8"))
        } else {
            Issue.record("not malformed")
        }
        #expect(rows[2] == .record(line: 4, fields: ["3", "好"]))
    }

    @Test func explicitUTF8QuarantinesGB18030Rows() throws {
        let bytes = Array("a,b\n1,ok\n".utf8) + CSVTestFile.gb18030("2,官网主站\n")
        let (file, rows) = try CSVTestFile.rows(bytes, encoding: .utf8)
        #expect(file.encoding == "utf-8")
        #expect(rows.count == 2)
        if case .malformed(let line, _, _) = rows[1] { #expect(line == 3) } else { Issue.record("not malformed") }
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        let bytes = CSVTestFile.gb18030("证书ID,备注名\ncert-1,官网主站\n")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let (file, rows) = try CSVTestFile.rows(bytes)
        #expect(file.encoding == "gb18030")
        #expect(file.header == ["证书ID", "备注名"])
        #expect(rows == [.record(line: 2, fields: ["cert-1", "官网主站"])])
    }

    @Test func gb18030CanBeChosenExplicitly() throws {
        let (file, rows) = try CSVTestFile.rows(CSVTestFile.gb18030("a\n是\n"), encoding: .gb18030)
        #expect(file.encoding == "gb18030")
        #expect(rows == [.record(line: 2, fields: ["是"])])
    }

    @Test func aFiveMegabyteFieldIsRefusedAndTheNextRowSurvives() throws {
        let big = String(repeating: "x", count: 5 * 1024 * 1024)
        for quoted in [false, true] {
            let field = quoted ? "\"\(big)\"" : big
            let (_, rows) = try CSVTestFile.rows("a,b\n1,\(field)\n2,ok\n")
            #expect(rows.count == 2)
            if case .malformed(let line, let column, let reason) = rows[0] {
                #expect(line == 2 && column == 2 && reason.contains("longer than"))
            } else {
                Issue.record("not malformed")
            }
            #expect(rows[1] == .record(line: 3, fields: ["2", "ok"]))
        }
    }

    @Test func fiveThousandColumnsAreRead() throws {
        let header = (0..<5_000).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<5_000).map(String.init).joined(separator: ",")
        let (file, rows) = try CSVTestFile.rows(header + "\n" + row + "\n")
        #expect(file.header.count == 5_000)
        if case .record(_, let fields) = rows.first {
            #expect(fields.count == 5_000 && fields.last == "4999")
        } else {
            Issue.record("no record")
        }
    }

    @Test func tooManyFieldsIsMalformed() throws {
        let (_, rows) = try CSVTestFile.rows(
            Array(("a\n" + String(repeating: ",", count: 20) + "\nok\n").utf8), limits: CSVLimits(fieldsPerRow: 10))
        #expect(rows.count == 2)
        if case .malformed(let line, _, _) = rows[0] { #expect(line == 2) } else { Issue.record("not malformed") }
    }

    @Test func binaryGarbageNeverCrashes() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            let bytes = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            do {
                let (_, rows) = try CSVTestFile.rows(bytes)
                #expect(rows.allSatisfy { $0.line >= 1 })
            } catch {
                #expect(String(describing: error).hasPrefix("input.csv"))
            }
        }
    }

    @Test func emptyFileIsAFileError() throws {
        #expect(throws: InputFileError.self) { _ = try CSVTestFile.rows("") }
        let error = #expect(throws: InputFileError.self) { _ = try CSVTestFile.rows("\n\n") }
        #expect(error.map { String(describing: $0).contains("header") } == true)
    }

    @Test func aHeaderOnlyHasNoRows() throws {
        let (file, rows) = try CSVTestFile.rows("a,b\n")
        #expect(file.header == ["a", "b"])
        #expect(rows.isEmpty)
    }

    @Test func devZeroAndFoldersAreRefusedWithoutReading() throws {
        for path in ["/dev/zero", FileManager.default.temporaryDirectory.path] {
            let error = #expect(throws: InputFileError.self, "\(path) was read") {
                _ = try CSVFile(path: path, name: "certificates.csv", encoding: .auto)
            }
            #expect(error?.description == "certificates.csv: not a regular file")
        }
    }

    @Test func aMissingFileNamesTheFile() {
        let error = #expect(throws: InputFileError.self) {
            _ = try CSVFile(path: "/nonexistent/certificates.csv", name: "certificates.csv", encoding: .auto)
        }
        #expect(error?.description.hasPrefix("certificates.csv: cannot open") == true)
    }
}

/// A small deterministic generator (SplitMix64) so that "random" inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
