/// A rule's stable ID, from spec/RULES.md or one of certaudit's documented additions.
///
/// Typed so that an ID handed from one module to another — a finding's rule, a request's reason,
/// the rule behind a quarantined row, the rules an operation kind reruns — is a constant: one of
/// `SpecRuleIDs.swift` (generated from RULES.md by scripts/gen_spec_rule_list.py) or an addition
/// below. A misspelt constant does not compile. Text from outside (a settings file's `[severity]`
/// table) never becomes an ID of its own: it is looked up among the catalogue's
/// (`RuleCatalogue.descriptor(named:)`).
///
/// Held as its number among the process's rule IDs (`RuleIDNames`): two bytes, so that a finding is
/// 64 bytes, not 80. Equal IDs (`==`, `!=`, and the hash) are the same text byte for byte; IDs sort
/// as their text (`<`), which for the catalogue's ASCII IDs is their bytes' order.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    private let number: UInt16

    public init(rawValue: String) {
        number = RuleIDNames.shared.number(of: rawValue)
    }

    public var rawValue: String { RuleIDNames.shared.name(of: number) }

    /// The `TextSpool` group of this rule's findings' messages: its number.
    var spoolGroup: Int { Int(number) }

    /// By number, not by `RawRepresentable`'s default (its text, compared by `==` on strings).
    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.number == rhs.number }

    public func hash(into hasher: inout Hasher) { hasher.combine(number) }

    /// The ID as RULES.md writes it (`HOST-LEAD`), also in reports and messages.
    public var description: String { rawValue }

    /// IDs sort as their text.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// INV-UNKNOWN-REFERENCE (certaudit addition): a row names a certificate, contact or account the
    /// estate does not hold.
    public static let invUnknownReference = RuleID(rawValue: "INV-UNKNOWN-REFERENCE")
    /// UP-ZIP-FORMS (certaudit addition): the forms of a console ZIP bundle disagree.
    public static let upZipForms = RuleID(rawValue: "UP-ZIP-FORMS")
}
