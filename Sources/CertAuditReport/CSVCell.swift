import Foundation

/// One CSV cell: text from the inputs (neutralised against formula injection) or a value the tool
/// wrote itself (a number, a date, an enumerated word), left as it is.
enum CSVCell {
    case text(String?)
    case value(String?)

    /// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. A text cell that
    /// begins with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (REPORTS.md).
    var encoded: String {
        var content: String
        switch self {
        case .text(let text):
            content = text ?? ""
            if let first = content.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
                content = "'" + content
            }
        case .value(let value):
            content = value ?? ""
        }
        guard content.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return content
        }
        return "\"" + content.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
