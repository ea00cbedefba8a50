/// One column of an input table: its canonical snake_case name and the other spellings it is known
/// by (the cloud API's CamelCase names). Matching ignores letter case, `_`, `-` and spaces.
struct TableColumn: Sendable {
    let name: String
    let aliases: [String]
    let required: Bool

    init(_ name: String, aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    /// `Certificate ID`, `certificate_id` and `CertificateId` all become `certificateid`.
    static func normalise(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " && $0 != "\t" })
    }
}
