internal import Mustache

/// One item of a repeated field as the templates read it (an operation's reason): its attributes by
/// name, its text, and whether its `rule` has an entry in the page's rule reference.
struct HTMLListItem: MustacheParent {
    let item: ReportListItem
    let hasRule: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "text": item.text ?? ""
        case "hasRule": hasRule
        default: item.attributes.first { $0.name == name }.map { $0.value ?? "" }
        }
    }
}
