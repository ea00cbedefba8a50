import ArgumentParser
import CertAuditCore
import CertAuditRules
import Foundation

/// `certaudit rules`: prints the rule catalogue, the same one the reports and tests use.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Print the rule catalogue.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json
    }

    @Option(help: "table, markdown or json.")
    var format: Format = .table

    func run() throws {
        let rules = RuleCatalogue.descriptors
        switch format {
        case .table:
            let width = rules.map(\.id.rawValue.count).max() ?? 0
            for rule in rules {
                let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let status = rule.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
                print("\(id)  \(severity)  \(status)  \(rule.title)")
            }
        case .markdown:
            print(RuleReferenceMarkdown.text(rules), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(rules.map(RuleJSON.init))
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
