/// What a column holds, and so what a bad value in it means.
public enum InputColumnKind: String, Sendable, Hashable {
    /// A typed value (a time, a boolean, a number, a word from a vocabulary, tags): one that does not
    /// parse is a bad value (INV-BAD-VALUE), or quarantines the row when the column is essential.
    case value
    /// Free text (an alias, a domain, an ID that names another row): every text is a value.
    case text
    /// A path under `inputs/bundles/`: a file that cannot be read is UP-PEM-FORMAT's to report.
    case file
}
