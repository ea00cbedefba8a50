import CertAuditConsole
import CertAuditCore

/// NOTIFY-CHANNELS: a contact's channel delivers only if the contact can be reached on it — SMS and
/// email need a number and an address, WeChat a verified account.
public struct NotifyChannelsRule: EstateRule {
    public init() {}

    public let reads: [InputColumn] = InputColumn.alertCoverage

    public let descriptor = RuleDescriptor(
        id: .notifyChannels, title: "Every receiver can be reached on their channels", defaultSeverity: .medium,
        citations: [.consoleGuide(.notifications)],
        summary:
            "Messages reach contacts by SMS, in-site message, WeChat and email. WeChat delivers only to a verified "
            + "contact; SMS and email need a phone number and an address.")

    public func check(_ context: RuleContext) -> [Finding] {
        context.estate.lifecycle.contacts.flatMap { contact in
            contact.channels.compactMap { channel in
                contact.undeliverable(channel).map {
                    finding(
                        "contacts.csv line \(contact.line): \(contact.name ?? contact.id) (\(contact.id)) has \($0).",
                        aspect: "\(contact.id) \(channel.rawValue)")
                }
            }
        }
    }

    public var examples: RuleExamples {
        var reachable = ContactRecord(line: 2, id: "c1", channels: [.sms, .email, .wechat, .inbox])
        reachable.phone = "13800000000"
        reachable.email = "ops@example.com"
        reachable.wechatVerified = true
        var unreachable = ContactRecord(line: 3, id: "c2", channels: [.sms, .wechat])
        unreachable.wechatVerified = false
        return RuleExamples(
            passing: [
                RuleExample(
                    "every channel has what it needs",
                    estate: Estate(certificates: [], lifecycle: LifecycleInputs(contacts: [reachable])))
            ],
            failing: [
                RuleExample(
                    "SMS without a number, WeChat unverified",
                    estate: Estate(certificates: [], lifecycle: LifecycleInputs(contacts: [unreachable])))
            ])
    }
}
