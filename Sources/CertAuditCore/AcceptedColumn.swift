/// The columns of `accepted.csv`: findings the team has accepted as known risks, by whom and until
/// when (README, "Accepted risks").
public enum AcceptedColumn: String, InputTableColumn {
    public static let inputName = "accepted.csv"

    case findingKey = "finding_key"
    case rule
    case certificateID = "certificate_id"
    case reason
    case acceptedBy = "accepted_by"
    case until
}
