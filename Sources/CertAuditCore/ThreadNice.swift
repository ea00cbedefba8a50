import Foundation

/// The calling thread's nice value as the kernel shows it, or nil where it does not (Linux keeps
/// one per thread, in `/proc/thread-self/stat`): how a test sees that `BackgroundWork`'s
/// `lowerPriority` lowered the work's thread, and no other.
public enum ThreadNice {
    public static func current() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Field 19; the fields after the command's closing parenthesis start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 16 ? Int(fields[16]) : nil
    }
}
