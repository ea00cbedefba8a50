import Foundation

/// Text a run makes once and reads back a few times — the findings' messages, at a million
/// certificates over two million of them — appended to one store instead of each being a `String`
/// of its own on the heap, and, once the run says where (`spill(into:)`), written out to an unnamed
/// file a page at a time: the bytes then sit in the system's page cache, not in the process.
///
/// One store for the process, like its heap: a finding is made in the rules, the simulation and
/// the ledger, on any thread, and a reference to the store in every finding would cost each of them
/// eight bytes more. Until a run spills it (and when the file cannot be made or written, as on a
/// full disk) the pages stay in memory, where a text costs its bytes and no `String` header: nothing
/// appended is ever lost. The file is unlinked the moment it is made, so nothing is left behind
/// whatever happens to the run.
///
/// Append-only for the life of the process, by design: a run makes its texts once and ends. A
/// process that made findings without end (a server, a fuzzer left running for days) would grow
/// with them. The test suite adds megabytes; the estate fuzzer's ten minutes (some 6,000 inputs, a
/// few kilobytes of messages each) tens of them; the bundle fuzzer's a key ID (some 40 bytes) for
/// each certificate it reads, a few megabytes.
public final class TextSpool: @unchecked Sendable {
    /// The process's store (`SpooledText` appends to it).
    public static let shared = TextSpool()

    /// Bytes gathered before a page is written out: one write per megabyte.
    static let pageSize = 1 << 20
    /// The page of a group (`append(_:group:)`): one is being filled per group at once, so smaller
    /// (one per rule and severity that has findings, a few dozen, at any size of estate).
    static let groupPageSize = 32 << 10
    /// Bytes read from the file at once (a page of the page cache, from a page boundary), and how
    /// many such windows are kept. The readers do not always come in the spool's order: the
    /// findings are read in report order (severity, rule, certificate ID); their messages are
    /// spooled by rule and severity, but within one the simulation's come by date. With 64 KiB
    /// windows read from the text on, a 100,000-certificate run copied 13 GB out of the page cache
    /// for 53 MB of spool (202,000 `pread`s, messages spooled in the estate's order then); a page a
    /// miss copied 1.4 GB (346,000 `pread`s, strace), and 1.0 GB once the messages were grouped
    /// (239,000).
    static let windowSize = 4 << 10
    static let windowCount = 16

    /// The spool's bytes from `start` on: a page kept in memory (no file, or its write failed), or a
    /// window read back from the file.
    private struct Page {
        let start: UInt64
        let bytes: [UInt8]
    }

    /// A page being filled: the texts of one group, from `start`, in room of `capacity` bytes set
    /// aside for it. Pages start and end on window boundaries, so a window read from the file lies
    /// in one page, written once and whole before it is read: what a page leaves of its room stays
    /// a hole in the file.
    private struct Filling {
        let start: UInt64
        let capacity: Int
        var bytes: [UInt8]
    }

    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    /// Whether pages still go to the file (false once a write failed).
    private var writable = false
    private var kept: [Page] = []
    /// Stretches of the file read lately, and when each was last read (`uses` counts reads): the
    /// writers read the findings rule by rule in certificate order, the order each rule's texts were
    /// written in, so most reads fall in a window read before — one `pread` a window, not a text.
    private var windows: [Page] = []
    private var windowUses: [UInt64] = []
    private var uses: UInt64 = 0
    /// Bytes read back from the file so far (what a reading order costs, for the tests).
    private(set) var bytesReadFromFile = 0
    /// The pages being filled, by group (`ungrouped` for texts of no group), and where each starts,
    /// in order (a text is looked for among them by its offset).
    private var filling: [Int: Filling] = [:]
    private var fillingStarts: [(start: UInt64, group: Int)] = []
    /// Where the next page's room starts: the end of all room set aside.
    private var reservedEnd: UInt64 = 0
    /// The group of texts appended without one.
    static let ungrouped = -1

    public init() {}

    /// A store writing to `descriptor` from the start (tests: a file that refuses writes).
    init(descriptor: Int32) {
        self.descriptor = descriptor
        writable = true
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// From now on, writes full pages to an unnamed file in `directory` (the output's own disk: a
    /// /tmp kept in memory would hold the bytes in memory after all). Returns whether it does; when
    /// the file cannot be made, the pages stay in memory. A second call changes nothing.
    @discardableResult
    public func spill(into directory: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor < 0 else { return writable }
        var template = Array((directory + "/.certaudit-text-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { return false }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = made
        writable = true
        return true
    }

    /// Whether pages are being written to a file.
    public var isSpilling: Bool {
        lock.lock()
        defer { lock.unlock() }
        return writable
    }

    /// Bytes held in memory: the pages being filled and the pages kept.
    var residentBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.reduce(filling.values.reduce(0) { $0 + $1.bytes.count }) { $0 + $1.bytes.count }
    }

    /// Stores `text`; what `SpooledText` holds. Texts of one `group` are stored together, in the
    /// order they come: the findings' messages are grouped by rule, because the reports read them
    /// rule by rule, while the rules make them certificate by certificate. Spooled as they came, a
    /// rule's messages lay among every other rule's, and reading them cost a window of the file for
    /// nearly every text (365,000 `pread`s of 4 KiB for a 53 MB spool at 100,000 certificates).
    func append(_ text: String, group: Int = ungrouped) -> (offset: UInt64, length: UInt32) {
        var text = text
        return text.withUTF8 { bytes in
            precondition(bytes.count <= UInt32.max, "a text of 4 GiB or more")
            lock.lock()
            defer { lock.unlock() }
            var page = filling.removeValue(forKey: group) ?? open(group, room: bytes.count)
            if page.bytes.count + bytes.count > page.capacity {
                seal(page)
                page = open(group, room: bytes.count)
            }
            let offset = page.start + UInt64(page.bytes.count)
            page.bytes.append(contentsOf: bytes)
            filling[group] = page
            return (offset, UInt32(bytes.count))
        }
    }

    /// A new page for `group`, with room for a text of `room` bytes at least, set aside at the end.
    /// Under the lock.
    private func open(_ group: Int, room: Int) -> Filling {
        let size = group == Self.ungrouped ? Self.pageSize : Self.groupPageSize
        let capacity = max(size, (room + Self.windowSize - 1) / Self.windowSize * Self.windowSize)
        let page = Filling(start: reservedEnd, capacity: capacity, bytes: [])
        // What keeps a window read from the file inside one page (`text(at:length:)`).
        precondition(
            page.start % UInt64(Self.windowSize) == 0 && capacity % Self.windowSize == 0,
            "a page's room starts and ends on a window boundary")
        reservedEnd += UInt64(capacity)
        // The newest room is the last: the starts stay in order.
        fillingStarts.append((page.start, group))
        return page
    }

    /// A filled page goes to the file, or, without a file or when the write fails, is kept. Under
    /// the lock.
    private func seal(_ page: Filling) {
        fillingStarts.removeAll { $0.start == page.start }
        let written = writable && page.bytes.withUnsafeBytes { writeAll($0, at: page.start) }
        if !written {
            writable = false
            // Pages are sealed in no particular order of their starts; `kept` stays in that order.
            let place = kept.partitioningIndex { $0.start > page.start }
            kept.insert(Page(start: page.start, bytes: page.bytes), at: place)
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, at start: UInt64) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(start) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// The text stored at `offset`.
    func text(at offset: UInt64, length: UInt32) -> String {
        let count = Int(length)
        guard count > 0 else { return "" }
        lock.lock()
        // The last page being filled that starts at or before `offset`: the text lies in it if it is
        // still being filled.
        let fillingPlace = fillingStarts.partitioningIndex { $0.start > offset }
        if fillingPlace > 0, let page = filling[fillingStarts[fillingPlace - 1].group],
            offset < page.start + UInt64(page.bytes.count)
        {
            defer { lock.unlock() }
            return copy(page.bytes, from: Int(offset - page.start), count: count)
        }
        // The same among the pages kept.
        let keptPlace = kept.partitioningIndex { $0.start > offset }
        if keptPlace > 0, offset < kept[keptPlace - 1].start + UInt64(kept[keptPlace - 1].bytes.count) {
            defer { lock.unlock() }
            return copy(kept[keptPlace - 1].bytes, from: Int(offset - kept[keptPlace - 1].start), count: count)
        }
        if let window = windows.firstIndex(where: {
            $0.start <= offset && offset + UInt64(count) <= $0.start + UInt64($0.bytes.count)
        }) {
            defer { lock.unlock() }
            uses += 1
            windowUses[window] = uses
            return copy(windows[window].bytes, from: Int(offset - windows[window].start), count: count)
        }
        // On the file, in a page written whole and never again: read without the lock, the window
        // that holds the text's start, on to the text's end if it goes past the window's. The window
        // lies in the text's page (pages start and end on window boundaries); past the page's bytes
        // it holds the hole of its room, or stops at the file's end.
        let file = descriptor
        lock.unlock()
        let start = offset / UInt64(Self.windowSize) * UInt64(Self.windowSize)
        let needed = Int(offset - start) + count
        let bytes = Self.read(file, at: start, count: max(needed, Self.windowSize), atLeast: needed)
        lock.lock()
        bytesReadFromFile += bytes.count
        if bytes.count <= Self.windowSize { keep(Page(start: start, bytes: bytes)) }
        lock.unlock()
        return copy(bytes, from: Int(offset - start), count: count)
    }

    /// Keeps a window read from the file in place of the one read longest ago. Under the lock.
    private func keep(_ window: Page) {
        uses += 1
        if windows.count < Self.windowCount {
            windows.append(window)
            windowUses.append(uses)
        } else if let oldest = windowUses.indices.min(by: { windowUses[$0] < windowUses[$1] }) {
            windows[oldest] = window
            windowUses[oldest] = uses
        }
    }

    /// Up to `count` bytes of the file from `offset`, at least `atLeast` of them (fewer only past its
    /// end).
    private static func read(_ file: Int32, at offset: UInt64, count: Int, atLeast: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let read = pread(file, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if read < 0, errno == EINTR { continue }
                if read == 0, done >= atLeast { break }
                precondition(read > 0, "the text spool's file cannot be read: \(String(cString: strerror(errno)))")
                done += read
            }
            initialized = done
        }
    }

    private func copy(_ bytes: [UInt8], from start: Int, count: Int) -> String {
        String(decoding: bytes[start..<start + count], as: UTF8.self)
    }
}
