/// The columns of `packages.csv` (spec/INPUTS.md).
public enum PackagesColumn: String, InputTableColumn {
    public static let inputName = "packages.csv"

    case packageID = "package_id"
    case name
    case accountID = "account_id"
    case totalPoints = "total_points"
    case remainingPoints = "remaining_points"
    case expiresAt = "expires_at"
    case status, source
    case acquiredAt = "acquired_at"
}
