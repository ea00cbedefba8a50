/// One input file of the run manifest (`partials/manifest`, `{{#inputs}}`); `encoding` is empty
/// when the file's was not noted, since the template prints it.
struct InputView {
    let name: String
    let sha256: String
    let rows: Int
    let accepted: Int
    let quarantined: Int
    /// The notes, joined with `; `.
    let notes: String
    let encoding: String

    init(_ input: ReportInput) {
        name = input.name
        sha256 = input.sha256
        rows = input.rows
        accepted = input.accepted
        quarantined = input.quarantined
        notes = input.notes.joined(separator: "; ")
        encoding = input.encoding ?? ""
    }
}
