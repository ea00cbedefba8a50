import CertAuditCSV
import CertAuditCore

/// `resources.csv`: the cloud resources and the certificate each serves now.
public enum ResourcesTable {
    static let columns: [TableColumn] = [
        TableColumn("resource_id", aliases: ["ResourceId", "InstanceId"], required: true),
        TableColumn("resource_type", aliases: ["ResourceType"], required: true),
        TableColumn("region", aliases: ["Region"]),
        TableColumn("certificate_id", aliases: ["CertificateId"]),
        TableColumn("domain", aliases: ["Domain"]),
    ]

    static let schema = TableSchema<ResourceRecord>(columns: columns) { (row: TableRow) throws(RowIssue) in
        ResourceRecord(
            line: row.line, id: try row.required("resource_id"), type: ResourceType(try row.required("resource_type")),
            region: row.text("region"), certificateID: row.text("certificate_id"), domain: row.text("domain"))
    }

    public static func read(path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone)
        throws(InputFileError) -> TableReadResult<ResourceRecord>
    {
        var result = try schema.read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone)
        let unknown = Set(result.records.filter { !$0.type.isKnown }.map(\.type.name)).sorted()
        if !unknown.isEmpty {
            result.summary.notes.append("unknown resource types kept as given: " + unknown.joined(separator: ", "))
        }
        return result
    }
}
