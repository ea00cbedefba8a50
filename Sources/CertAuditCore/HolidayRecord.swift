/// One accepted row of `holidays.csv`.
public struct HolidayRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case holiday, workday
    }

    public var line: Int
    public var date: LocalDate
    public var kind: Kind
    public var name: String?

    public init(line: Int, date: LocalDate, kind: Kind, name: String? = nil) {
        self.line = line
        self.date = date
        self.kind = kind
        self.name = name
    }
}
