internal import COpenSSL

/// OpenSSL reports failures on a thread-local queue. Each operation clears it first and drains it
/// after a failure into one line, so that an error never leaks into the next operation's message.
enum OpenSSLErrorQueue {
    static func clear() { ERR_clear_error() }

    /// The queued errors as `reason; reason`, oldest first, and an empty queue.
    static func drain() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                reasons.append("error \(code)")
            }
        }
        return reasons.isEmpty ? "unknown OpenSSL error" : reasons.joined(separator: "; ")
    }
}
