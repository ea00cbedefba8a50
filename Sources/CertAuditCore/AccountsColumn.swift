/// The columns of `accounts.csv` (spec/INPUTS.md).
public enum AccountsColumn: String, InputTableColumn {
    public static let inputName = "accounts.csv"

    case accountID = "account_id"
    case balance
}
