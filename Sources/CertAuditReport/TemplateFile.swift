/// One file of a templates folder: its path inside the folder (`partials/summary.mustache`) and its
/// text.
public struct TemplateFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
