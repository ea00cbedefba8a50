/// One accepted row of `contacts.csv`.
public struct ContactRecord: Sendable, Hashable {
    public var line: Int
    public var id: String
    public var name: String?
    public var phone: String?
    public var email: String?
    public var wechatVerified: Bool?
    public var channels: [NotificationChannel]

    public init(line: Int, id: String, channels: [NotificationChannel] = []) {
        self.line = line
        self.id = id
        self.channels = channels
    }
}
