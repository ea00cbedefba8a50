import Foundation

/// Lines for people on stderr (the summary, progress, errors); stdout stays for machine output.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
