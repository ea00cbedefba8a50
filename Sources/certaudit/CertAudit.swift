import ArgumentParser
import CertAuditRun
import Foundation

/// The command line: `run` (the nightly job), `rules` (the catalogue), `inspect` (one file's facts),
/// `templates export` (the built-in report templates, to customise).
@main
struct CertAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certaudit",
        abstract: "Audit an SSL/TLS certificate estate exported from a certificate console.",
        discussion: """
            Exit codes: 0 ran clean; 1 findings at or above --fail-on; 2 bad usage or an unreadable \
            required input; 3 internal error.
            """,
        version: ToolVersionText.current,
        subcommands: [RunCommand.self, RulesCommand.self, InspectCommand.self, TemplatesCommand.self])

    /// ArgumentParser exits 64 on bad usage; spec/REPORTS.md promises the nightly job 2.
    static func main() {
        Allocator.returnFreedMemoryPromptly()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
