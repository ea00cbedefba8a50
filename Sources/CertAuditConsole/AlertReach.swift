import CertAuditCore

/// Who an alert reaches (ALERT-POLICY, NOTIFY-CHANNELS): which certificates a policy watches and
/// which of a contact's channels can deliver. The message rules and the simulation's alerts ask the
/// same questions.
extension AlertPolicyRecord {
    /// The policy watches `certificate`: every one (`*`), the IDs it lists, or those carrying its tag.
    public func watches(_ certificate: Certificate) -> Bool {
        switch selection {
        case .all: true
        case .certificates(let ids): ids.contains(certificate.id)
        case .tag(let tag): certificate.record.tags.contains(tag)
        }
    }
}

extension ContactRecord {
    /// Why `channel` cannot deliver to this contact (SMS needs a number, email an address, WeChat a
    /// verified account), or nil when it can.
    public func undeliverable(_ channel: NotificationChannel) -> String? {
        switch channel {
        case .sms where (phone ?? "").isEmpty: "SMS without a phone number"
        case .email where (email ?? "").isEmpty: "email without an address"
        case .wechat where wechatVerified != true: "WeChat not verified (QR code not scanned, account not followed)"
        default: nil
        }
    }

    /// At least one of the contact's channels delivers.
    public var isReachable: Bool { channels.contains { undeliverable($0) == nil } }
}
