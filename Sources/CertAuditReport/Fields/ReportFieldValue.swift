/// A field's value for one row: a single optional value, or a repeated one.
public enum ReportFieldValue: Sendable, Hashable {
    case one(String?)
    case many([ReportListItem])
}
