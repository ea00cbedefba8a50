/// The columns of `holidays.csv` (spec/INPUTS.md).
public enum HolidaysColumn: String, InputTableColumn {
    public static let inputName = "holidays.csv"

    case date, kind, name
}
