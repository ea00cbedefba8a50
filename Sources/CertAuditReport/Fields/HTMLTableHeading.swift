internal import Mustache

/// A column heading as the templates read it (`partials/heading`): its text, the classes the whole
/// column shares, and how it sorts.
struct HTMLTableHeading: MustacheParent {
    let heading: String
    let classes: String
    /// `text` or `number`; nil when the column does not sort.
    let sort: String?

    /// Every name the template uses answers, `has…` flags for the optional values: Mustache looks a
    /// missing name up in the outer contexts, and an empty string counts as true in a section.
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "classes": classes
        case "hasClasses": !classes.isEmpty
        case "sort": sort ?? ""
        case "hasSort": sort != nil
        default: nil
        }
    }
}
