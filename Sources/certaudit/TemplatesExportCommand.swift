import ArgumentParser
import CertAuditReport

/// `certaudit templates export DIR`: writes the built-in templates and report.xsd out to be
/// customised, then given back with `certaudit run --templates DIR`.
struct TemplatesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in templates (and report.xsd, for reference) into a folder to customise.",
        discussion: "Existing files are never overwritten: the export stops, writing nothing, if one is in the way.")

    @Argument(help: ArgumentHelp("The folder to write into (created if need be).", valueName: "dir"))
    var directory: String

    func run() throws {
        do {
            try ReportTemplates.exportBuiltIn(to: directory)
        } catch {
            StandardError.write("certaudit: \(error.description)")
            throw ExitCode(2)
        }
        StandardError.write("certaudit: \(ReportTemplates.builtInFiles.count) template files written to \(directory)")
    }
}
