public import CertAuditCore

/// The text of a stage's progress line: `checks: 12,288 of 100,000 certificates (12%), 45,000/s, 2s left`.
///
/// Pure formatting — the elapsed time is given, not read — so that it is testable; the executable
/// decides whether a terminal is there and how to redraw the line.
public enum ProgressLine {
    /// The rate and the time left need this much of the stage behind them to mean anything.
    public static let minimumElapsed: Duration = .milliseconds(200)

    public static func text(_ progress: StageProgress, elapsed: Duration) -> String {
        var text =
            "\(progress.stage.rawValue): \(grouped(progress.done)) of \(grouped(progress.total)) \(progress.unit)"
        if progress.total > 0 {
            text += " (\(min(100, progress.done * 100 / progress.total))%)"
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if progress.done >= progress.total {
            return text + ", done in \(duration(seconds))"
        }
        guard elapsed >= minimumElapsed, progress.done > 0 else { return text }
        let rate = Double(progress.done) / seconds
        let left = Double(progress.total - progress.done) / rate
        return text + ", \(grouped(Int(rate.rounded())))/s, \(duration(left)) left"
    }

    /// 1234567 → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `0.4s`, `12s`, `3m05s`, `2h10m`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return "\(Int(seconds * 10) / 10).\(Int(seconds * 10) % 10)s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + pad(whole % 60) + "s" }
        return "\(whole / 3600)h" + pad(whole % 3600 / 60) + "m"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
