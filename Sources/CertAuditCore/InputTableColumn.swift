/// The columns of one input table, named as spec/INPUTS.md names them. Ingest reads a table by these
/// names and rules declare which of them they read, so a misspelt column does not compile.
public protocol InputTableColumn: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The input file the columns belong to, e.g. `certificates.csv`.
    static var inputName: String { get }
}
