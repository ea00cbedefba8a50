/// A chapter of the cloud console's public SSL certificate management guide (its operating guide),
/// from which the console rules are distilled.
///
/// Decision: the Chinese titles are the ones spec/RULES.md names for each chapter (证书托管, 上传, …);
/// the English glosses follow the guide's English edition where it has the chapter ("Certificate
/// Hosting", "Uploading (Hosting) an SSL Certificate", "Revoking an SSL Certificate", …).
public enum ConsoleGuideChapter: String, Sendable, Hashable, CaseIterable {
    case upload
    case hosting
    case uploadedHosting = "uploaded-hosting"
    case autoRenewal = "auto-renewal"
    case urgeReview = "urge-review"
    case revocation
    case deletion
    case reissue
    case ignoringMessages = "ignoring-messages"
    case expiryAlerts = "expiry-alerts"
    case notifications
    case entitlementPoints = "entitlement-points"

    /// The chapter's title in the guide (Chinese edition).
    public var chineseTitle: String {
        switch self {
        case .upload: "上传证书"
        case .hosting: "证书托管"
        case .uploadedHosting: "上传（托管）证书"
        case .autoRenewal: "自动续费"
        case .urgeReview: "催审"
        case .revocation: "吊销证书"
        case .deletion: "删除证书"
        case .reissue: "重颁发证书"
        case .ignoringMessages: "忽略消息"
        case .expiryAlerts: "自定义过期告警"
        case .notifications: "消息通知设置"
        case .entitlementPoints: "权益点包"
        }
    }

    /// The title in English, for readers of the report.
    public var englishGloss: String {
        switch self {
        case .upload: "Uploading certificates"
        case .hosting: "Certificate hosting"
        case .uploadedHosting: "Uploading (hosting) an SSL certificate"
        case .autoRenewal: "SSL certificate auto-renewal"
        case .urgeReview: "Urging the review of a certificate application"
        case .revocation: "Revoking an SSL certificate"
        case .deletion: "Deleting an SSL certificate"
        case .reissue: "Reissuing an SSL certificate"
        case .ignoringMessages: "Ignoring a certificate's messages"
        case .expiryAlerts: "Custom expiry alerts"
        case .notifications: "Notification settings"
        case .entitlementPoints: "Entitlement-point packages"
        }
    }
}
