/// The columns of `contacts.csv` (spec/INPUTS.md).
public enum ContactsColumn: String, InputTableColumn {
    public static let inputName = "contacts.csv"

    case contactID = "contact_id"
    case name, phone, email
    case wechatVerified = "wechat_verified"
    case channels
}
