/// The columns of `resources.csv` (spec/INPUTS.md).
public enum ResourcesColumn: String, InputTableColumn {
    public static let inputName = "resources.csv"

    case resourceID = "resource_id"
    case resourceType = "resource_type"
    case region
    case certificateID = "certificate_id"
    case domain
}
