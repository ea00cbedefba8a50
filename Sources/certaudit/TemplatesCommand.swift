import ArgumentParser

/// `certaudit templates`: the report templates built into the binary.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Work with the report templates built into certaudit.",
        subcommands: [TemplatesExportCommand.self])
}
