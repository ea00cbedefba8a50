import CertAuditCSV
import CertAuditCore
internal import TOMLKit

/// Reads typed values out of `certaudit.toml`'s TOML table for `SettingsFile`, turning every mismatch
/// into a usage error that names the file, the key and the problem.
struct SettingsKeyReader {
    let path: String

    func problem(_ key: String, _ reason: String) -> RunError {
        .input("\(path): \(key.isEmpty ? "\"\"" : key): \(reason)")
    }

    func check<Value>(_ key: String, _ result: Result<Value, FieldError>) throws(RunError) -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let error): throw problem(key, error.reason)
        }
    }

    func string(_ key: String, _ value: TOMLValueConvertible) throws(RunError) -> String {
        guard let string = value.string else { throw problem(key, "must be a string, not \(Self.kind(value.type))") }
        return string
    }

    func integer(_ key: String, _ value: TOMLValueConvertible, unit: String) throws(RunError) -> Int {
        guard let integer = value.int else {
            throw problem(key, "must be a whole number of \(unit), not \(Self.kind(value.type))")
        }
        return integer
    }

    func integers(_ key: String, _ value: TOMLValueConvertible) throws(RunError) -> [Int] {
        guard let array = value.array else {
            throw problem(key, "must be an array of whole days such as [30, 14, 7], not \(Self.kind(value.type))")
        }
        var integers: [Int] = []
        for index in 0..<array.count {
            guard let integer = array[index].int else {
                throw problem(
                    key, "item \(index + 1) must be a whole number of days, not \(Self.kind(array[index].type))")
            }
            integers.append(integer)
        }
        return integers
    }

    /// A time as `TimeField` reads it: a string, or a TOML date-time or date written as one.
    func time(_ key: String, _ value: TOMLValueConvertible) throws(RunError) -> String {
        if let string = value.string { return string }
        if let date = value.date { return Self.text(date) }
        if let dateTime = value.dateTime {
            let time = dateTime.time
            var text =
                "\(Self.text(dateTime.date))T\(Self.pad(time.hour, 2)):\(Self.pad(time.minute, 2)):\(Self.pad(time.second, 2))"
            if let offset = dateTime.offset?.offset {
                text += (offset < 0 ? "-" : "+") + "\(Self.pad(abs(offset) / 60, 2)):\(Self.pad(abs(offset) % 60, 2))"
            }
            return text
        }
        throw problem(
            key, "must be a date-time such as 2026-11-28T00:00:00+08:00 (or a string), not \(Self.kind(value.type))")
    }

    func severityOverrides(_ key: String, _ value: TOMLValueConvertible) throws(RunError) -> [RuleID: Severity] {
        guard let table = value.table else {
            throw problem(key, "must be a table of rule ID = severity, such as [severity] \"CERT-EXPIRING\" = \"low\"")
        }
        var overrides: [RuleID: Severity] = [:]
        for rule in table.keys.sorted() {
            let name = "[\(key)] \(rule)"
            guard let entry = table[rule] else {
                throw problem(name, "cannot be read (a key must not contain a NUL character)")
            }
            let id = try check(name, SettingValues.ruleID(rule))
            overrides[id] = try check(name, SettingValues.severity(try string(name, entry)))
        }
        return overrides
    }

    static func text(_ date: TOMLDate) -> String {
        "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// "an integer", "a table", …: what the value is, for "must be X, not Y".
    static func kind(_ type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time of day"
        case .dateTime: "a date-time"
        }
    }
}
