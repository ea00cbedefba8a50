import CertAuditCore

/// Times as the console and its API write them: `2026-11-28` (00:00 local), `2026-11-28 07:59:59`
/// (local time of the run's zone, as the console shows it), or ISO 8601 with an offset
/// (`2026-11-27T23:59:59Z`, `2026-11-28T07:59:59+08:00`). A `T` without an offset is local time too.
public enum TimeField {
    public static func parse(_ text: String, timeZone: RunTimeZone) -> Result<Instant, FieldError> {
        // Made only for a value that is not a time (the message was made for every value read).
        var invalid: FieldError {
            FieldError("'\(text)' is not a time (2026-11-28, 2026-11-28 07:59:59 or 2026-11-27T23:59:59Z)")
        }
        let value = Array(text.trimmingSpaces.utf8)
        guard value.count >= 10, let date = date(value[0..<10]) else { return .failure(invalid) }
        if value.count == 10 { return .success(timeZone.startOfDay(date)) }
        guard value.count >= 19, value[10] == UInt8(ascii: " ") || value[10] == UInt8(ascii: "T"),
            let hour = number(value[11..<13]), value[13] == UInt8(ascii: ":"), let minute = number(value[14..<16]),
            value[16] == UInt8(ascii: ":"), let second = number(value[17..<19]),
            hour < 24, minute < 60, second < 60
        else { return .failure(invalid) }
        var rest = value[19...]
        if rest.first == UInt8(ascii: ".") {  // fractional seconds: dropped (whole seconds only)
            rest = rest.dropFirst()
            guard let digits = rest.firstIndex(where: { !(48...57).contains($0) }) ?? Optional(rest.endIndex),
                digits > rest.startIndex
            else { return .failure(invalid) }
            rest = rest[digits...]
        }
        let wall = Int64(hour * 3600 + minute * 60 + second)
        if rest.isEmpty { return .success(timeZone.instant(of: date, hour: hour, minute: minute, second: second)) }
        let utcWall = date.daysSinceEpoch * Instant.secondsPerDay + wall
        if rest.count == 1 && (rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z")) {
            return .success(Instant(secondsSinceEpoch: utcWall))
        }
        let sign = rest.first
        let offsetText = Array(rest.dropFirst())
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), offsetText.count == 5 || offsetText.count == 4,
            let offsetHours = number(offsetText[0..<2])
        else { return .failure(invalid) }
        let minutesSlice = offsetText.count == 5 ? offsetText[3..<5] : offsetText[2..<4]
        guard offsetText.count == 4 || offsetText[2] == UInt8(ascii: ":"), let offsetMinutes = number(minutesSlice),
            offsetHours < 24, offsetMinutes < 60
        else { return .failure(invalid) }
        let offset = Int64(offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        return .success(Instant(secondsSinceEpoch: utcWall - offset))
    }

    /// `YYYY-MM-DD`, rejecting impossible dates.
    public static func date(_ text: String) -> Result<LocalDate, FieldError> {
        let value = Array(text.trimmingSpaces.utf8)
        guard value.count == 10, let date = date(value[0..<10]) else {
            return .failure(FieldError("'\(text)' is not a date (YYYY-MM-DD)"))
        }
        return .success(date)
    }

    private static func date(_ bytes: ArraySlice<UInt8>) -> LocalDate? {
        let base = bytes.startIndex
        guard bytes[base + 4] == UInt8(ascii: "-"), bytes[base + 7] == UInt8(ascii: "-"),
            let year = number(bytes[base..<base + 4]), let month = number(bytes[base + 5..<base + 7]),
            let day = number(bytes[base + 8..<base + 10])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return bytes.isEmpty ? nil : value
    }
}
