/// The columns of `hosting.csv` (spec/INPUTS.md).
public enum HostingColumn: String, InputTableColumn {
    public static let inputName = "hosting.csv"

    case certificateID = "certificate_id"
    case resourceTypes = "resource_types"
    case replaceLead = "replace_lead"
    case configuredOn = "configured_on"
    case association, messages, status
    case successorProduct = "successor_product"
    case validationMethod = "validation_method"
    case validationReady = "validation_ready"
}
