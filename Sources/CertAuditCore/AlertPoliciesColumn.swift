/// The columns of `alert_policies.csv` (spec/INPUTS.md).
public enum AlertPoliciesColumn: String, InputTableColumn {
    public static let inputName = "alert_policies.csv"

    case policyID = "policy_id"
    case name, certificates
    case thresholdDays = "threshold_days"
    case `operator`
    case periodMinutes = "period_minutes"
    case `repeat`, receivers
}
