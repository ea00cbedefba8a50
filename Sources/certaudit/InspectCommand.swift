import ArgumentParser
import CertAuditCSV
import CertAuditCore
import CertAuditX509
import Foundation

/// `certaudit inspect FILE…`: what the tool reads from any bundle file — what a user runs when a row
/// is quarantined. Exit 2 when a file cannot be read as a certificate file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print what certaudit reads from certificate and key files.")

    @Argument(help: "PEM or DER certificate files, chains, keys.")
    var files: [String]

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Extra trust anchors (PEM), like inputs/trust/*.pem.")
    var trust: [String] = []

    @Option(name: .customLong("as-of"), help: "Verify the chain at this time (default: now).")
    var asOf: String?

    @Option(help: "The time zone times are shown in.")
    var timezone = "Asia/Shanghai"

    @Flag(name: .customLong("no-system-trust"), help: "Trust only the --trust anchors.")
    var noSystemTrust = false

    @Option(
        name: .customLong("password-file"),
        help: "The password of a PKCS#12 file or an encrypted key (default: keystorePass.txt beside the file).")
    var passwordFile: String?

    static func password(from file: String) throws -> String {
        try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func validate() throws {
        guard RunTimeZone(identifier: timezone) != nil else { throw ValidationError("unknown time zone '\(timezone)'") }
        if let asOf { _ = try RunCommand.parseAsOf(asOf, zone: RunTimeZone(identifier: timezone)!) }
    }

    func run() throws {
        let zone = RunTimeZone(identifier: timezone)!
        let time = try asOf.map { try RunCommand.parseAsOf($0, zone: zone) } ?? RunCommand.now()
        let store: TrustStore
        do {
            store = try TrustStore(anchorFiles: trust, includeSystemDefaults: !noSystemTrust)
        } catch {
            StandardError.write("certaudit: \(error.message)")
            throw ExitCode(2)
        }
        let given = try passwordFile.map { try Self.password(from: $0) }
        let inspections = files.map { file in
            // As the bundle loader does: without --password-file, the keystorePass.txt beside the file.
            let beside = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(
                "keystorePass.txt"
            ).path
            let password = given ?? (try? Self.password(from: beside))
            return FileInspector.inspect(path: file, trust: store, asOf: time, password: password)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(inspections.map { InspectionJSON($0, zone: zone) })
            print(String(decoding: data, as: UTF8.self))
        } else {
            for inspection in inspections { print(InspectionText.render(inspection, zone: zone)) }
        }
        if inspections.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}
