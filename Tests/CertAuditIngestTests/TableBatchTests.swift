import CertAuditCSV
import CertAuditCore
import Testing

@testable import CertAuditIngest

/// A table is parsed in batches whose records are made on several threads, then kept in input
/// order: the result must be the one a single thread gives, over batch boundaries and whatever
/// the rows hold.
struct TableBatchTests {
    /// More than two batches of rows of every kind the reading sorts: accepted, with a bad value,
    /// repeating an earlier ID, of the wrong width, with a stray quote, without the required ID.
    static func table(rows: Int) -> String {
        var text = "certificate_id,alias,status,not_after,tags,sans\n"
        for index in 0..<rows {
            switch index % 6 {
            case 0:
                text += "c\(index),a\(index),issued,2026-01-01 07:59:59,env=prod|team=t\(index % 3),"
                text += "h\(index).example| www.h\(index).example\n"
            case 1: text += "c\(index),\"quoted, \"\"alias\"\"\",no-such-state,2026-01-01,,\n"
            case 2: text += "c\(index - 2),repeats the ID two rows up,issued,,,\n"
            case 3: text += "c\(index),too few fields\n"
            case 4: text += "c\(index),a\"b,issued,,,\n"
            default: text += ",no ID,issued,,,\n"
            }
        }
        return text
    }

    /// Three batches, the last short (row 8,192, the third batch's first, repeats an ID of the
    /// second); exactly one full batch (the file ends where a batch does); and no rows at all.
    @Test(arguments: [
        2 * TableSchema<CertificateRecord, CertificatesColumn>.batchSize + 123,
        TableSchema<CertificateRecord, CertificatesColumn>.batchSize, 0,
    ])
    func theResultDoesNotDependOnTheWorkers(rows: Int) throws {
        let results = try TablesTests.withFile(Self.table(rows: rows)) { path in
            try [1, 2, 3].map { workers in
                try CertificatesTable.read(
                    path: path, inputName: "certificates.csv", encoding: .auto, timeZone: .shanghai, workers: workers)
            }
        }
        let one = results[0]
        #expect(one.summary.rows == rows)
        #expect(one.records.count == (rows + 5) / 6 + (rows + 4) / 6)
        #expect(one.quarantine.count == rows - one.records.count)
        #expect(one.badValues.count == (rows + 4) / 6)
        #expect(one.quarantine.map(\.line) == one.quarantine.map(\.line).sorted())
        for other in results.dropFirst() {
            #expect(other.records == one.records)
            #expect(other.quarantine == one.quarantine)
            #expect(other.badValues == one.badValues)
            #expect(other.summary == one.summary)
        }
    }

    /// The field index read by the column's case number is the header's, for every column of every
    /// table, present or not.
    @Test func positionsByCaseAgreeWithTheHeader() throws {
        func check<Column: InputTableColumn>(_: Column.Type, columns: [TableColumn<Column>]) throws {
            let names = columns.map(\.name)
            for header in [
                names, names.reversed(), Array(names.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
            ] {
                guard columns.allSatisfy({ !$0.required || header.contains($0.name) }) else { continue }
                let layout = try HeaderLayout(header: header, columns: columns, file: Column.inputName)
                for column in Column.allCases { #expect(layout.position(of: column) == layout.positions[column]) }
            }
        }
        try check(CertificatesColumn.self, columns: CertificatesTable.columns)
        try check(ResourcesColumn.self, columns: ResourcesTable.columns)
        try check(HostingColumn.self, columns: LifecycleTables.hosting.columns)
        try check(OperationsColumn.self, columns: LifecycleTables.operations.columns)
    }
}
