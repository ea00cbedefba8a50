import CertAuditCSV
import CertAuditCore
import CertAuditX509
import Foundation
internal import TOMLKit

/// `certaudit.toml`, the optional run settings file (spec/INPUTS.md): a nightly job keeps its time
/// zone, thresholds, severity overrides and `fail_on` beside its inputs instead of in a scheduler's
/// command line. It is read once, before the pipeline starts, and every key is checked: a typo in a
/// key or a value stops the run (exit 2) rather than being silently ignored.
///
/// ```toml
/// timezone = "Asia/Shanghai"
/// as_of = "2026-11-28T00:00:00+08:00"   # or a TOML date-time / date
/// horizon_days = 365
/// expiry_thresholds_days = [30, 14, 7]
/// review = "worst"                      # or "typical"
/// successor_validity = "cabf"           # or "one-year"
/// fail_on = "high"                      # none|info|low|medium|high|critical
/// fail_on_new = "medium"                # the same, for findings new since the last run
/// encoding = "auto"                     # auto|utf-8|gb18030
/// jobs = 4
///
/// [severity]
/// "CERT-EXPIRING" = "low"
/// ```
public struct SettingsFile: Sendable, Equatable {
    /// The name looked for in the inputs folder when `--config` names no file.
    public static let defaultName = "certaudit.toml"
    /// A settings file is a few lines; a larger one is not a settings file.
    public static let sizeLimit = 1024 * 1024
    /// Every key the file may hold, sorted (`severity` is a table of rule ID → severity).
    public static let keys = [
        "as_of", "encoding", "expiry_thresholds_days", "fail_on", "fail_on_new", "horizon_days", "jobs", "review",
        "severity",
        "successor_validity", "timezone",
    ]

    /// The path the file was read from, as given: error messages and the manifest name it.
    public let path: String
    /// The name in the manifest's input accounting: `certaudit.toml` for the inputs folder's own, else the path.
    public let inputName: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public let sha256: String
    /// The settings the file states.
    public let layer: SettingsLayer
    /// The keys the file sets, sorted (noted in the input accounting).
    public let keysSet: [String]

    /// The settings file of a run: `config` when given (it must exist), else `certaudit.toml` in the
    /// inputs folder when it is there; nil when there is none (the built-in defaults apply).
    public static func locate(config: String?, inputsDirectory: String) throws(RunError) -> SettingsFile? {
        if let config {
            guard FileManager.default.fileExists(atPath: config) else {
                throw .input("\(config): settings file not found")
            }
            return try read(path: config, inputName: config)
        }
        let path = inputsDirectory.hasSuffix("/") ? inputsDirectory + defaultName : inputsDirectory + "/" + defaultName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try read(path: path, inputName: defaultName)
    }

    /// Reads and checks one settings file; every problem is a usage error naming the file.
    public static func read(path: String, inputName: String) throws(RunError) -> SettingsFile {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .input("\(path): is a folder, not a settings file")
        }
        // Read at most one byte past the limit, so that a device or a huge file is refused, not slurped.
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
        } catch {
            throw .input("\(path): cannot read the settings file (\(error.localizedDescription))")
        }
        guard data.count <= sizeLimit else { throw .input("\(path): settings file larger than 1 MiB") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .input("\(path): the settings file is not UTF-8 text")
        }
        let (layer, keysSet) = try parse(text, path: path)
        return SettingsFile(
            path: path, inputName: inputName, sha256: SHA256Digest.hex(Array(data)), layer: layer, keysSet: keysSet)
    }

    /// The settings of a TOML document and the keys it sets; `path` only names it in messages.
    public static func parse(_ text: String, path: String) throws(RunError) -> (SettingsLayer, [String]) {
        // TOMLKit hands the text to C++ as a C string, which would end silently at a NUL.
        guard !text.utf8.contains(0) else { throw .input("\(path): the settings file contains a NUL byte") }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            throw .input("\(path): line \(position.line), column \(position.column): \(error.description)")
        } catch {
            throw .input("\(path): not a TOML document (\(error))")
        }
        let reader = SettingsKeyReader(path: path)
        var layer = SettingsLayer()
        let keysSet = table.keys.sorted()
        for key in keysSet {
            guard let value = table[key] else {
                throw reader.problem(key, "cannot be read (a key must not contain a NUL character)")
            }
            switch key {
            case "timezone":
                layer.timeZone = try reader.check(key, SettingValues.timeZone(try reader.string(key, value)))
            case "as_of":
                layer.asOf = try reader.check(key, SettingValues.asOf(try reader.time(key, value)))
            case "horizon_days":
                layer.horizonDays = try reader.check(
                    key, SettingValues.horizonDays(try reader.integer(key, value, unit: "days")))
            case "expiry_thresholds_days":
                layer.expiryThresholdsDays = try reader.check(
                    key, SettingValues.expiryThresholds(try reader.integers(key, value)))
            case "review":
                layer.reviewEstimate = try reader.check(key, SettingValues.review(try reader.string(key, value)))
            case "successor_validity":
                layer.successorValidity = try reader.check(
                    key, SettingValues.successorValidity(try reader.string(key, value)))
            case "fail_on":
                layer.failOn = .some(try reader.check(key, SettingValues.failOn(try reader.string(key, value))))
            case "fail_on_new":
                layer.failOnNew = .some(try reader.check(key, SettingValues.failOn(try reader.string(key, value))))
            case "encoding":
                layer.encoding = try reader.check(key, SettingValues.encoding(try reader.string(key, value)))
            case "jobs":
                layer.jobs = try reader.check(key, SettingValues.jobs(try reader.integer(key, value, unit: "threads")))
            case "severity":
                layer.severityOverrides = try reader.severityOverrides(key, value)
            default:
                throw reader.problem(key, "unknown key (known keys: \(keys.joined(separator: ", ")))")
            }
        }
        return (layer, keysSet)
    }

    /// The file's line in the manifest's input accounting: one file, used whole.
    public var inputSummary: InputSummary {
        InputSummary(
            name: inputName, sha256: sha256, rows: 1, accepted: 1, quarantined: 0,
            notes: [
                "run settings; keys set: \(keysSet.isEmpty ? "none" : keysSet.joined(separator: ", ")) "
                    + "(command-line options override them)"
            ])
    }
}
