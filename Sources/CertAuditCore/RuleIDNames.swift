import Foundation

/// The text of every rule ID the process has made, by number: a `RuleID` holds its number (two
/// bytes) and reads its text here, so a finding carries its rule in 2 bytes where a `String` took
/// 16 (millions of findings at a million certificates).
///
/// Names come from code (the generated constants, certaudit's additions, tests), never from input:
/// a settings file's rule ID is looked up among the catalogue's (`RuleCatalogue.descriptor(named:)`)
/// and adds nothing, so the table stays a few hundred names.
///
/// Decisions: a name is numbered by its bytes, not by Swift's `==` on strings; the numbers follow
/// first use, so they may differ from run to run and are never written anywhere (IDs are written
/// and ordered as their text). Reading a name takes no lock: a number is handed out only after its
/// name is written, under the lock, and a thread holding a number got it through that lock or from
/// one that did.
final class RuleIDNames: @unchecked Sendable {
    static let shared = RuleIDNames()

    /// As many as a `UInt16` numbers.
    static let capacity = Int(UInt16.max) + 1

    /// Written once per slot, under `lock`, and never moved or freed (the process's, like `shared`):
    /// pages no name reached are never touched.
    private let names = UnsafeMutablePointer<String>.allocate(capacity: RuleIDNames.capacity)
    // Guarded by `lock`.
    private let lock = NSLock()
    private var numbers: [[UInt8]: UInt16] = [:]

    /// The number of `name`, given it the first time it is asked for.
    func number(of name: String) -> UInt16 {
        let bytes = Array(name.utf8)
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[bytes] { return number }
        precondition(numbers.count < Self.capacity, "more distinct rule IDs than a RuleID can number")
        let number = UInt16(numbers.count)
        (names + Int(number)).initialize(to: name)
        numbers[bytes] = number
        return number
    }

    /// Whether `name` has a number (what a test that input adds no name reads).
    func contains(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        lock.lock()
        defer { lock.unlock() }
        return numbers[bytes] != nil
    }

    /// The name numbered `number` (one `number(of:)` handed out).
    func name(of number: UInt16) -> String { names[Int(number)] }
}
