import CertAuditCSV
import CertAuditCore

/// `resources.csv`: the cloud resources and the certificate each serves now.
public enum ResourcesTable {
    static let columns: [TableColumn<ResourcesColumn>] = [
        TableColumn(.resourceID, aliases: ["ResourceId", "InstanceId"], kind: .text, required: true, essential: true),
        TableColumn(.resourceType, aliases: ["ResourceType"], kind: .text, required: true),
        TableColumn(.region, aliases: ["Region"], kind: .text),
        TableColumn(.certificateID, aliases: ["CertificateId"], kind: .text),
        TableColumn(.domain, aliases: ["Domain"], kind: .text),
    ]

    /// Any type word is kept as given (an unknown one is noted), so a resource's type is never a bad
    /// value; an empty one is `other`: the resource still serves its certificate.
    static let schema = TableSchema<ResourceRecord, ResourcesColumn>(columns: columns, id: .resourceID) {
        (row: inout TableRow<ResourcesColumn>) throws(RowIssue) in
        ResourceRecord(
            line: row.line, id: try row.required(.resourceID), type: ResourceType(row.text(.resourceType) ?? "other"),
            region: row.text(.region), certificateID: row.text(.certificateID), domain: row.text(.domain))
    }

    public static func read(
        path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone, workers: Int = 1
    ) throws(InputFileError) -> TableReadResult<ResourceRecord> {
        var result = try schema.read(
            path: path, inputName: inputName, encoding: encoding, timeZone: timeZone, workers: workers)
        let unknown = Set(result.records.filter { !$0.type.isKnown }.map(\.type.name)).sorted()
        if !unknown.isEmpty {
            result.summary.notes.append("unknown resource types kept as given: " + unknown.joined(separator: ", "))
        }
        return result
    }
}
