import CertAuditCore
import Foundation
import Testing

@testable import CertAuditRun

/// certaudit.toml without the binary: every key, every kind of refusal, and how the file stacks
/// between the built-in defaults and the command line.
struct SettingsFileTests {
    static let path = "inputs/certaudit.toml"
    static let now = Instant(secondsSinceEpoch: 1_900_000_000)

    static func layer(_ text: String) throws -> SettingsLayer {
        try SettingsFile.parse(text, path: path).0
    }

    /// The message of the usage error that `text` gives, or nil when it is accepted.
    static func problem(_ text: String) -> String? {
        do {
            _ = try SettingsFile.parse(text, path: path)
            return nil
        } catch {
            #expect(error.exitCode == 2)
            return error.description
        }
    }

    static func options(_ layer: SettingsLayer, file: SettingsFile? = nil) throws -> RunOptions {
        try layer.runOptions(
            inputsDirectory: "inputs", outputDirectory: "output", templatesDirectory: "templates",
            useSystemTrustStore: false, settingsFile: file, now: now)
    }

    @Test func everyKeyIsRead() throws {
        let (layer, keys) = try SettingsFile.parse(
            """
            timezone = "UTC"
            as_of = "2026-11-28T00:00:00+08:00"
            horizon_days = 90
            expiry_thresholds_days = [7, 30, 14]
            review = "typical"
            successor_validity = "one-year"
            fail_on = "high"
            fail_on_new = "medium"
            encoding = "gb18030"
            jobs = 3

            [severity]
            "CERT-EXPIRING" = "low"
            MSG-IGNORE = "critical"
            """, path: Self.path)
        #expect(keys == SettingsFile.keys)
        #expect(
            layer
                == SettingsLayer(
                    timeZone: .utc, asOf: "2026-11-28T00:00:00+08:00", horizonDays: 90, failOn: .some(.high),
                    expiryThresholdsDays: [30, 14, 7], reviewEstimate: .typical,
                    severityOverrides: [.certExpiring: .low, .msgIgnore: .critical], encoding: .gb18030, jobs: 3,
                    successorValidity: .oneYear, failOnNew: .some(.medium)))
        let settings = try Self.options(layer).settings
        #expect(settings.failOnNew == .medium)
        #expect(settings.asOf == Instant(secondsSinceEpoch: 1_795_795_200))
        #expect(settings.timeZone == .utc)
        #expect(settings.horizonDays == 90)
        #expect(settings.failOn == .high)
        #expect(settings.expiryThresholdsDays == [30, 14, 7])
        #expect(settings.reviewEstimate == .typical)
        #expect(settings.successorValidity == .oneYear)
        #expect(settings.severityOverrides == [.certExpiring: .low, .msgIgnore: .critical])
    }

    @Test func failOnNoneIsStatedNotLeftOut() throws {
        #expect(try Self.layer(#"fail_on = "none""#).failOn == .some(nil))
        #expect(try Self.layer("").failOn == nil)
        let overFile = SettingsLayer(failOn: .some(.high)).overlaid(by: try Self.layer(#"fail_on = "none""#))
        #expect(try Self.options(overFile).settings.failOn == nil)
    }

    /// TOML's own date-times read like the same text given to --as-of; a time without an offset is
    /// local time of the effective zone, whichever layer named the zone.
    @Test(arguments: [
        ("as_of = 2026-11-28T00:00:00+08:00", "UTC", "2026-11-27T16:00:00Z"),
        ("as_of = 2026-11-27T23:30:00-01:30", "UTC", "2026-11-28T01:00:00Z"),
        ("as_of = 2026-11-28T08:00:00Z", "Asia/Shanghai", "2026-11-28T16:00:00+08:00"),
        ("as_of = 2026-11-28T08:00:00", "Asia/Shanghai", "2026-11-28T08:00:00+08:00"),
        ("as_of = 2026-11-28", "UTC", "2026-11-28T00:00:00Z"),
        (#"as_of = "2026-11-28""#, "Asia/Shanghai", "2026-11-28T00:00:00+08:00"),
        (#"as_of = "2026-11-28 07:59:59""#, "UTC", "2026-11-28T07:59:59Z"),
    ])
    func asOfTakesStringsAndTOMLDates(line: String, zone: String, expected: String) throws {
        let layer = try Self.layer(line).overlaid(by: SettingsLayer(timeZone: RunTimeZone(identifier: zone)))
        #expect(try Self.options(layer).manifestSettings.first { $0.name == "as-of" }?.value == expected)
    }

    @Test func anEmptyFileKeepsTheDefaults() throws {
        let settings = try Self.options(try Self.layer("# nothing set\n")).settings
        #expect(settings == AuditSettings(asOf: Self.now))
    }

    @Test func theCommandLineOverridesTheFileAndTheFileTheDefaults() throws {
        let file = try Self.layer(
            """
            timezone = "UTC"
            horizon_days = 100
            review = "typical"
            [severity]
            CERT-EXPIRING = "low"
            MSG-IGNORE = "high"
            """)
        let commandLine = SettingsLayer(
            horizonDays: 200, reviewEstimate: .worst, severityOverrides: [.msgIgnore: .info])
        let options = try Self.options(file.overlaid(by: commandLine))
        #expect(options.settings.timeZone == .utc)  // file over default
        #expect(options.settings.horizonDays == 200)  // command line over file
        #expect(options.settings.reviewEstimate == .worst)
        #expect(options.settings.expiryThresholdsDays == [30])  // default
        #expect(options.settings.asOf == Self.now)  // the clock, read by the caller
        #expect(options.settings.severityOverrides == [.certExpiring: .low, .msgIgnore: .info])
        #expect(options.encoding == .auto)
    }

    @Test(arguments: [
        ("colour = \"red\"", "colour: unknown key (known keys: as_of, encoding,"),
        (#""" = 1"#, #"inputs/certaudit.toml: "": unknown key"#),
        (#""\u0000" = 1"#, "cannot be read (a key must not contain a NUL character)"),
        ("[output]\nfolder = \"x\"", "output: unknown key"),
        (#"horizon_days = "365""#, "horizon_days: must be a whole number of days, not a string"),
        ("horizon_days = 36.5", "horizon_days: must be a whole number of days, not a floating-point number"),
        ("horizon_days = -1", "horizon_days: must be between 0 and 36500 days, not -1"),
        ("horizon_days = 99999999999", "horizon_days: must be between 0 and 36500 days"),
        ("timezone = \"Mars/Olympus\"", "timezone: unknown time zone 'Mars/Olympus'"),
        ("timezone = 8", "timezone: must be a string, not an integer"),
        (#"as_of = "2026-02-30""#, "as_of: '2026-02-30' is not a time"),
        (#"as_of = "yesterday""#, "as_of: 'yesterday' is not a time"),
        ("as_of = 07:59:59", "as_of: must be a date-time such as 2026-11-28T00:00:00+08:00 (or a string), not a time"),
        ("as_of = true", "as_of: must be a date-time"),
        ("expiry_thresholds_days = 30", "expiry_thresholds_days: must be an array of whole days"),
        ("expiry_thresholds_days = []", "expiry_thresholds_days: must list at least one number of days"),
        ("expiry_thresholds_days = [30, 30]", "expiry_thresholds_days: lists 30 days twice"),
        ("expiry_thresholds_days = [30, -7]", "expiry_thresholds_days: each threshold must be between 0 and 36500"),
        (#"expiry_thresholds_days = [30, "7"]"#, "expiry_thresholds_days: item 2 must be a whole number of days"),
        (#"review = "best""#, "review: must be worst or typical, not 'best'"),
        (#"fail_on = "severe""#, "fail_on: must be none, info, low, medium, high or critical, not 'severe'"),
        (#"encoding = "latin-1""#, "encoding: must be auto, utf-8 or gb18030, not 'latin-1'"),
        ("jobs = 0", "jobs: must be at least 1, not 0"),
        (#"severity = "low""#, "severity: must be a table of rule ID = severity"),
        (
            "[severity]\nCERT-EXPIRING = \"urgent\"",
            "[severity] CERT-EXPIRING: must be info, low, medium, high or critical"
        ),
        ("[severity]\nCERT-EXPIRING = 3", "[severity] CERT-EXPIRING: must be a string, not an integer"),
        ("[severity]\nCERT-EXPIRIN = \"low\"", "[severity] CERT-EXPIRIN: 'CERT-EXPIRIN' is not a rule ID"),
        ("[severity]\ncert-expiring = \"low\"", "'cert-expiring' is not a rule ID"),
        ("[severity.CERT-EXPIRING]\nlevel = \"low\"", "[severity] CERT-EXPIRING: must be a string, not a table"),
        (
            "horizon_days = 1\nhorizon_days = 2",
            "line 2, column 16: Error while parsing key-value pair: cannot redefine"
        ),
        ("horizon_days = ", "line 1, column"),
        ("[severity\n", "line 1, column"),
    ])
    func everyProblemNamesTheFileTheKeyAndWhatIsWrong(text: String, expected: String) {
        let message = Self.problem(text)
        #expect(message?.hasPrefix(Self.path + ": ") == true, "\(message ?? "accepted")")
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
    }

    @Test func filesThatCannotBeReadAreUsageErrorsNamingThem() throws {
        let folder = try TestPaths.scratch()
        func message(_ bytes: [UInt8]) throws -> String? {
            let file = folder.appendingPathComponent("bad-\(bytes.count).toml")
            try Data(bytes).write(to: file)
            do {
                _ = try SettingsFile.read(path: file.path, inputName: file.path)
                return nil
            } catch {
                #expect(error.exitCode == 2)
                #expect(error.description.hasPrefix(file.path + ": "))
                return error.description
            }
        }
        #expect(try message(Array("jobs = 2\n".utf8) + [0] + Array("jobs = 3\n".utf8))?.contains("NUL byte") == true)
        #expect(
            try message(Array("review = \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8))?.contains("not UTF-8") == true)
        let large = [UInt8](repeating: UInt8(ascii: "#"), count: SettingsFile.sizeLimit + 1)
        #expect(try message(large)?.contains("larger than 1 MiB") == true)

        let subfolder = folder.appendingPathComponent("certaudit.toml")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        #expect(throws: RunError.self) { try SettingsFile.locate(config: nil, inputsDirectory: folder.path) }
        let missing = folder.appendingPathComponent("missing.toml").path
        let error = #expect(throws: RunError.self, "a missing --config file was accepted") {
            _ = try SettingsFile.locate(config: missing, inputsDirectory: folder.path)
        }
        #expect(error?.description == "\(missing): settings file not found")
    }

    @Test func theDefaultFileIsOptionalAndFoundInTheInputsFolder() throws {
        let folder = try TestPaths.scratch()
        #expect(try SettingsFile.locate(config: nil, inputsDirectory: folder.path) == nil)
        let text = "horizon_days = 30\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("certaudit.toml"))
        let found = try #require(try SettingsFile.locate(config: nil, inputsDirectory: folder.path + "/"))
        #expect(found.path == folder.path + "/certaudit.toml")
        #expect(found.inputName == "certaudit.toml")
        #expect(found.layer.horizonDays == 30)
        #expect(found.sha256 == "4985781798973d1cc87f370e2455a2b087aa594a43797237884444db57b9f844")
        let summary = found.inputSummary
        #expect(summary.name == "certaudit.toml" && summary.isBalanced && summary.sha256 == found.sha256)
        #expect(summary.notes == ["run settings; keys set: horizon_days (command-line options override them)"])
    }

    @Test func theManifestListsEveryEffectiveSettingSorted() throws {
        let folder = try TestPaths.scratch()
        let file = folder.appendingPathComponent("night.toml")
        try Data("[severity]\nMSG-IGNORE = \"low\"\nCERT-EXPIRING = \"high\"\nBR-SAN = \"info\"\n".utf8).write(to: file)
        let settingsFile = try SettingsFile.read(path: file.path, inputName: file.path)
        let options = try Self.options(settingsFile.layer, file: settingsFile)
        let manifest = Dictionary(uniqueKeysWithValues: options.manifestSettings.map { ($0.name, $0.value) })
        #expect(manifest["severity-overrides"] == "BR-SAN=info,CERT-EXPIRING=high,MSG-IGNORE=low")
        #expect(manifest["review"] == "worst")
        #expect(manifest["settings-file"] == file.path)
        #expect(options.settingsInputs.map(\.name) == [file.path])
        let plain = try Self.options(SettingsLayer())
        let defaults = Dictionary(uniqueKeysWithValues: plain.manifestSettings.map { ($0.name, $0.value) })
        #expect(defaults["severity-overrides"] == "none")
        #expect(defaults["settings-file"] == "none")
        #expect(plain.settingsInputs.isEmpty)
    }

    /// docs/certaudit.toml is the README's example: it must stay valid and show every key.
    @Test func theDocumentedExampleIsValidAndComplete() throws {
        let example = TestPaths.repository.appendingPathComponent("docs/certaudit.toml")
        let text = try String(contentsOf: example, encoding: .utf8)
        let file = try SettingsFile.read(path: example.path, inputName: "docs/certaudit.toml")
        #expect(file.layer.failOn == .some(.high))
        for key in SettingsFile.keys { #expect(text.contains("\(key) ") || text.contains("[\(key)]"), "\(key)") }
    }
}
