import CertAuditCore

/// A local date the tests write by hand (`day(2025, 9, 30)`).
func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }

/// China's 2025 National Day schedule as holidays.csv would state it: 1–8 October off, Sunday
/// 28 September and Saturday 11 October worked instead.
let nationalDay2025 = WorkingCalendar(
    holidays: Set((1...8).map { day(2025, 10, $0) }), makeUpWorkdays: [day(2025, 9, 28), day(2025, 10, 11)])
