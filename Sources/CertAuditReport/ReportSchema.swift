import Foundation

/// The schema `report.xml` is validated against before anything is published: the built-in one
/// (compiled from templates/report.xsd) unless a schema file is given on purpose (`--schema`). A
/// `--templates` folder never changes it, so a customised page cannot loosen the XML's contract.
public enum ReportSchema: Sendable, Hashable {
    case builtIn
    case file(String)

    /// The built-in schema's name among the template files.
    static let builtInPath = "report.xsd"

    /// Words for messages: "the built-in report.xsd" or the file's path.
    public var origin: String {
        switch self {
        case .builtIn: "the built-in \(Self.builtInPath)"
        case .file(let path): path
        }
    }

    /// The schema's bytes; a file that cannot be read is the user's error (`.templates`, exit 2).
    func bytes() throws(ReportError) -> [UInt8] {
        switch self {
        case .builtIn:
            guard let file = BuiltinTemplateFiles.files.first(where: { $0.path == Self.builtInPath }) else {
                throw ReportError(.internal, "the binary carries no \(Self.builtInPath)")
            }
            return Array(file.text.utf8)
        case .file(let path):
            guard FileManager().isReadableFile(atPath: path), let data = FileManager().contents(atPath: path) else {
                throw ReportError(.templates, "cannot read schema \(path)")
            }
            return Array(data)
        }
    }
}
