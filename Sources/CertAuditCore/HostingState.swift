/// A hosting record's state (`HostingStatus` codes 0, 5, 10, −1 in the API).
public enum HostingState: String, Sendable, Hashable, CaseIterable {
    case hosting, completed, replacing
    case notHosted = "not_hosted"
    case waitingDeploy = "waiting_deploy"

    public init?(apiCode: Int) {
        switch apiCode {
        case 0: self = .hosting
        case 5: self = .replacing
        case 10: self = .completed
        case -1: self = .notHosted
        default: return nil
        }
    }
}
