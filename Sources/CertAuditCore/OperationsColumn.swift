/// The columns of `operations.csv` (spec/INPUTS.md).
public enum OperationsColumn: String, InputTableColumn {
    public static let inputName = "operations.csv"

    case requestedAt = "requested_at"
    case certificateID = "certificate_id"
    case operation, params
    case requestedBy = "requested_by"
}
