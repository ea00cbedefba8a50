import Foundation

/// Where a run's report templates come from: the ones compiled into the binary (a copy of the
/// repository's templates/, so `certaudit run` works from any folder), or a folder given with
/// `--templates` to customise the pages.
public enum ReportTemplates: Sendable, Hashable {
    case builtIn
    case directory(String)

    /// Words for messages: "the built-in templates" or "templates directory <path>".
    public var origin: String {
        switch self {
        case .builtIn: "the built-in templates"
        case .directory(let path): "templates directory \(path)"
        }
    }

    /// Every built-in file: the Mustache templates, `report.xsd` and the folder's README.
    public static var builtInFiles: [TemplateFile] { BuiltinTemplateFiles.files }

    /// The `*.mustache` files, by path inside the folder, sorted by path so loading is deterministic.
    public func mustacheFiles() throws(ReportError) -> [TemplateFile] {
        switch self {
        case .builtIn:
            return Self.builtInFiles.filter { $0.path.hasSuffix(".mustache") }
        case .directory(let directory):
            let fileManager = FileManager()
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ReportError(.templates, "templates directory \(directory) does not exist")
            }
            let paths = (fileManager.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".mustache") }.sorted()
            var files: [TemplateFile] = []
            for path in paths {
                let fullPath = (directory as NSString).appendingPathComponent(path)
                guard let data = fileManager.contents(atPath: fullPath) else {
                    throw ReportError(.templates, "cannot read template \(fullPath)")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw ReportError(.templates, "template \(fullPath) is not UTF-8")
                }
                files.append(TemplateFile(path: path, text: text))
            }
            return files
        }
    }

    /// Writes the built-in files into `directory` (created if need be) to be customised and given
    /// back with `--templates`. Decision: an existing file is never overwritten — the export stops
    /// before writing anything, naming it — so a customised folder cannot be lost by a second export.
    public static func exportBuiltIn(to directory: String) throws(ReportError) {
        let fileManager = FileManager()
        let root = URL(fileURLWithPath: directory)
        let targets = builtInFiles.map { (file: $0, url: root.appendingPathComponent($0.path)) }
        if let existing = targets.first(where: { fileManager.fileExists(atPath: $0.url.path) }) {
            throw ReportError(.templates, "\(existing.url.path) exists; export into an empty or new folder")
        }
        for target in targets {
            do {
                try fileManager.createDirectory(
                    at: target.url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(target.file.text.utf8).write(to: target.url, options: .withoutOverwriting)
            } catch {
                throw ReportError(.templates, "cannot write \(target.url.path): \(error.localizedDescription)")
            }
        }
    }
}
