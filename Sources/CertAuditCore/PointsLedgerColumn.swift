/// The columns of `points_ledger.csv` (spec/INPUTS.md).
public enum PointsLedgerColumn: String, InputTableColumn {
    public static let inputName = "points_ledger.csv"

    case at
    case packageID = "package_id"
    case kind, points, counterparty, code
    case certificateID = "certificate_id"
    case transferStatus = "transfer_status"
}
