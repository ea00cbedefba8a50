import Foundation
import Testing

/// certaudit.toml through the built binary, as the nightly job uses it: found in the inputs folder or
/// named by --config, stacked under the command line, changing severities and the exit code, and
/// refused with exit 2 and a message naming the file and the key.
struct SettingsCommandLineTests {
    static let enabled = CommandLineTests.binary != nil
    static let asOf = CommandLineTests.asOf

    /// A copy of the sample estate (so a certaudit.toml can be put into it) with `settings` as its
    /// settings file.
    static func inputsWithSettings(_ settings: String, in scratch: URL) throws -> URL {
        let inputs = scratch.appendingPathComponent("inputs")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestPaths.sampleInputs), to: inputs)
        try Data(settings.utf8).write(to: inputs.appendingPathComponent("certaudit.toml"))
        return inputs
    }

    static func file(_ text: String, in scratch: URL, name: String = "settings.toml") throws -> String {
        let file = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    static func report(_ output: String) throws -> String {
        try String(contentsOfFile: output + "/report.xml", encoding: .utf8)
    }

    /// The value of a run manifest setting in report.xml.
    static func setting(_ name: String, in xml: String) -> String? {
        let prefix = "<setting name=\"\(name)\" value=\""
        guard let start = xml.range(of: prefix)?.upperBound, let end = xml[start...].firstIndex(of: "\"") else {
            return nil
        }
        return String(xml[start..<end])
    }

    /// The severities of `rule`'s findings in report.xml, in report order.
    static func severities(of rule: String, in xml: String) -> [String] {
        let prefix = "<finding rule=\"\(rule)\" severity=\""
        return xml.components(separatedBy: prefix).dropFirst().compactMap { $0.split(separator: "\"").first }.map(
            String.init)
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func aSeverityOverrideInTheInputsFolderChangesTheReport() throws {
        let scratch = try TestPaths.scratch()
        let baseline = scratch.appendingPathComponent("baseline").path
        #expect(try CommandLineTests.run(["run", "--output", baseline] + Self.asOf).status == 0)
        let before = Self.severities(of: "CERT-EXPIRING", in: try Self.report(baseline))
        #expect(!before.isEmpty && before.contains { $0 != "low" })

        let settings = "[severity]\n\"CERT-EXPIRING\" = \"low\"\n"
        let inputs = try Self.inputsWithSettings(settings, in: scratch)
        let output = scratch.appendingPathComponent("out").path
        let outcome = try CommandLineTests.run(["run", "--inputs", inputs.path, "--output", output] + Self.asOf)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let xml = try Self.report(output)
        #expect(Self.severities(of: "CERT-EXPIRING", in: xml) == Array(repeating: "low", count: before.count))
        #expect(Self.setting("severity-overrides", in: xml) == "CERT-EXPIRING=low")
        #expect(Self.setting("settings-file", in: xml) == inputs.path + "/certaudit.toml")
        #expect(Self.setting("settings-file", in: try Self.report(baseline)) == "none")
        // The file is accounted for like every other input, with the SHA-256 of its bytes.
        #expect(
            xml.contains(
                "<input name=\"certaudit.toml\" "
                    + "sha256=\"0660a9d3c2dd56cf50620b7742d95f7453143b202d0a869232abf9499988e741\" rows=\"1\" "
                    + "accepted=\"1\" quarantined=\"0\">"))
        let csv = try String(contentsOfFile: output + "/findings.csv", encoding: .utf8)
        #expect(csv.contains("\nCERT-EXPIRING,low,") && !csv.contains("\nCERT-EXPIRING,medium,"))
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func failOnInTheFileDecidesTheExitCodeUnlessTheCommandLineSaysOtherwise() throws {
        let scratch = try TestPaths.scratch()
        let output = scratch.appendingPathComponent("out").path
        let strict = try Self.file("fail_on = \"critical\"\n", in: scratch, name: "strict.toml")
        let run = ["run", "--output", output, "--config", strict] + Self.asOf
        #expect(try CommandLineTests.run(run).status == 1)
        #expect(try Self.setting("fail-on", in: Self.report(output)) == "critical")
        #expect(try CommandLineTests.run(run + ["--fail-on", "none"]).status == 0)
        let lenient = try Self.file("fail_on = \"none\"\n", in: scratch, name: "lenient.toml")
        #expect(try CommandLineTests.run(["run", "--output", output, "--config", lenient] + Self.asOf).status == 0)
        #expect(
            try CommandLineTests.run(
                ["run", "--output", output, "--config", lenient, "--fail-on", "critical"] + Self.asOf
            ).status == 1)

        // Overrides apply before fail_on: with every critical rule lowered, fail_on = "critical" passes.
        let critical = Set(
            Self.severities(ofEveryRuleIn: try Self.report(output)).filter { $0.1 == "critical" }.map(\.0))
        #expect(!critical.isEmpty)
        let lowered =
            "fail_on = \"critical\"\n[severity]\n" + critical.sorted().map { "\"\($0)\" = \"high\"\n" }.joined()
        let relaxed = try Self.file(lowered, in: scratch, name: "relaxed.toml")
        let outcome = try CommandLineTests.run(["run", "--output", output, "--config", relaxed] + Self.asOf)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("(0 critical,"))
    }

    /// (rule, severity) of every finding in report.xml.
    static func severities(ofEveryRuleIn xml: String) -> [(String, String)] {
        xml.components(separatedBy: "<finding rule=\"").dropFirst().compactMap { part in
            let fields = part.split(separator: "\"")
            return fields.count > 2 ? (String(fields[0]), String(fields[2])) : nil
        }
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func theCommandLineOverridesTheFileAndTheFileTheDefaults() throws {
        let scratch = try TestPaths.scratch()
        let config = try Self.file(
            """
            timezone = "UTC"
            as_of = 2026-11-27T16:00:00Z
            horizon_days = 100
            expiry_thresholds_days = [60, 7]
            review = "typical"
            encoding = "utf-8"
            jobs = 1
            """, in: scratch)
        let fileOnly = scratch.appendingPathComponent("file").path
        let outcome = try CommandLineTests.run(
            ["run", "--output", fileOnly, "--config", config, "--no-system-trust"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let fromFile = try Self.report(fileOnly)
        #expect(Self.setting("timezone", in: fromFile) == "UTC")
        #expect(Self.setting("as-of", in: fromFile) == "2026-11-27T16:00:00Z")
        #expect(Self.setting("horizon-days", in: fromFile) == "100")
        #expect(Self.setting("expiry-thresholds-days", in: fromFile) == "60,7")
        #expect(Self.setting("review", in: fromFile) == "typical")
        #expect(Self.setting("encoding", in: fromFile) == "utf-8")
        #expect(Self.setting("fail-on", in: fromFile) == "none")  // the default: the file does not say
        #expect(Self.setting("settings-file", in: fromFile) == config)

        let both = scratch.appendingPathComponent("both").path
        #expect(
            try CommandLineTests.run([
                "run", "--output", both, "--config", config, "--no-system-trust", "--horizon", "200", "--review",
                "worst", "--expiry-thresholds", "14,45", "--as-of", "2026-11-28",
            ]).status == 0)
        let overridden = try Self.report(both)
        #expect(Self.setting("timezone", in: overridden) == "UTC")  // still the file's
        #expect(Self.setting("as-of", in: overridden) == "2026-11-28T00:00:00Z")  // local time of the file's zone
        #expect(Self.setting("horizon-days", in: overridden) == "200")
        #expect(Self.setting("expiry-thresholds-days", in: overridden) == "45,14")
        #expect(Self.setting("review", in: overridden) == "worst")
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func badSettingsFilesExitTwoNamingTheFileAndTheKey() throws {
        let scratch = try TestPaths.scratch()
        let cases = [
            ("horizon_days = -5\n", "horizon_days: must be between 0 and 36500 days, not -5"),
            ("timezone = \"Nowhere/City\"\n", "timezone: unknown time zone 'Nowhere/City'"),
            ("as_of = \"2026-13-01\"\n", "as_of: '2026-13-01' is not a time"),
            ("fail_on = \"hihg\"\n", "fail_on: must be none, info, low, medium, high or critical, not 'hihg'"),
            ("[severity]\nCERT-EXPIRING = \"lowest\"\n", "[severity] CERT-EXPIRING: must be info, low"),
            ("[severity]\nNOT-A-RULE = \"low\"\n", "[severity] NOT-A-RULE: 'NOT-A-RULE' is not a rule ID"),
            ("horizon = 30\n", "horizon: unknown key"),
            ("jobs = \"4\"\n", "jobs: must be a whole number of threads, not a string"),
            ("review = worst\n", "line 1, column"),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let config = try Self.file(text, in: scratch, name: "bad-\(index).toml")
            let output = scratch.appendingPathComponent("out-\(index)").path
            let outcome = try CommandLineTests.run(["run", "--output", output, "--config", config] + Self.asOf)
            #expect(outcome.status == 2, "\(text)")
            #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("certaudit: \(config): "), "\(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output), "a refused run must not publish")
        }
        let missing = try CommandLineTests.run(["run", "--config", scratch.path + "/none.toml"] + Self.asOf)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(scratch.path + "/none.toml: settings file not found"))

        let inputs = try Self.inputsWithSettings("expiry_thresholds_days = [30, 30]\n", in: scratch)
        let inFolder = try CommandLineTests.run(["run", "--inputs", inputs.path] + Self.asOf)
        #expect(inFolder.status == 2)
        #expect(inFolder.stderr.contains(inputs.path + "/certaudit.toml: expiry_thresholds_days: lists 30 days twice"))
    }

    @Test(.enabled(if: enabled, "certaudit binary not built beside the tests"))
    func theNewOptionsAreChecked() throws {
        let scratch = try TestPaths.scratch()
        for (arguments, expected) in [
            (["--expiry-thresholds", "30,soon"], "--expiry-thresholds: '30,soon' is not a comma-separated list"),
            (["--expiry-thresholds", "30,30"], "--expiry-thresholds: lists 30 days twice"),
            (["--review", "best"], "--review: must be worst or typical, not 'best'"),
            (["--horizon=-1"], "--horizon: must be between 0 and 36500 days, not -1"),
            (["--jobs", "0"], "--jobs: must be at least 1, not 0"),
        ] {
            let outcome = try CommandLineTests.run(["run"] + arguments + Self.asOf)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        }
        let output = scratch.appendingPathComponent("out").path
        let outcome = try CommandLineTests.run(
            ["run", "--output", output, "--expiry-thresholds", "7, 30", "--review", "typical"] + Self.asOf)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let xml = try Self.report(output)
        #expect(Self.setting("expiry-thresholds-days", in: xml) == "30,7")
        #expect(Self.setting("review", in: xml) == "typical")
        #expect(Self.severities(of: "CERT-EXPIRING", in: xml).contains("medium"))

        let help = try CommandLineTests.run(["run", "--help"]).stdout
        for text in [
            "--config <file>", "(default: Asia/Shanghai)", "(default: 365)", "(default: none)", "(default: 30)",
        ] {
            #expect(help.contains(text), "help lacks \(text)")
        }
    }
}
