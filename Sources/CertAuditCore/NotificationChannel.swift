/// A channel a message can reach a contact on (NOTIFY-CHANNELS).
public enum NotificationChannel: String, Sendable, Hashable, CaseIterable {
    case sms, email, wechat, inbox
}
