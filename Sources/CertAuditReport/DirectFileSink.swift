internal import CDirectIO
import Foundation

/// Where a report file's bytes go: straight to the disk (`O_DIRECT`), past the page cache, where
/// the file system allows it. A run writes about 10 KB of report a certificate (a gigabyte at
/// 100,000) that it does not read again (but report.xml, validated from the file with `--jobs 1`:
/// then from the disk). Through the page cache every byte lands in a fresh page,
/// and on a virtual machine whose host takes freed guest memory back (free page reporting, as on
/// the bench machine), each fresh page costs a fault on the host: 3–4 s of kernel time a gigabyte
/// there, against 0.2–0.3 s written direct (`dd`, 1 GB each way). Nor does a nightly job's report
/// then push a gigabyte of what the host had cached out of memory.
///
/// Direct writes must start at a block boundary, be whole blocks and come from aligned memory, so
/// the bytes are gathered in an aligned buffer and written a mebibyte at a time; the file's last
/// part-block goes through the cache once the file is done. A file system that refuses direct I/O
/// (`fcntl` fails: tmpfs before Linux 6.6, some network file systems), or a direct write it refuses
/// (`EINVAL`), leaves the file on ordinary writes: the bytes written are the same either way.
///
/// A direct write returns once the disk has the bytes: a mebibyte took about a millisecond here, and
/// report.xml's thread, which also feeds its validation, waited 1.4 s a run at 100,000 (`strace -T`).
/// So each full block is written behind, by a thread of `WriteBehind`, while the next one fills: two
/// blocks take turns, at most one is being written, and the blocks land in order. A failure or a
/// refusal is seen at the next block, or when the file is drained.
final class DirectFileSink {
    let descriptor: Int32
    /// Whether the file is still written direct; false once its end, or a refusal, put it back on
    /// ordinary writes.
    private(set) var isDirect: Bool
    /// The block being filled.
    private var block: UnsafeMutableRawPointer?
    /// The other block: free, or being written behind.
    private var spare: UnsafeMutableRawPointer?
    private let behind: WriteBehind?
    /// How many bytes at the start of `block` are not written yet.
    private var held = 0

    /// The block size direct writes are aligned to: the largest logical block size in common use,
    /// so a multiple of any disk's.
    static let alignment = 4096
    static let capacity = 1 << 20

    /// A sink for `descriptor`, written direct when `direct` asks for it and the file system allows it.
    init(descriptor: Int32, direct: Bool) {
        self.descriptor = descriptor
        let flag = ca_o_direct_flag()
        let flags = fcntl(descriptor, F_GETFL)
        isDirect = direct && flag != 0 && flags >= 0 && fcntl(descriptor, F_SETFL, flags | flag) == 0
        block = isDirect ? UnsafeMutableRawPointer.allocate(byteCount: Self.capacity, alignment: Self.alignment) : nil
        spare = isDirect ? UnsafeMutableRawPointer.allocate(byteCount: Self.capacity, alignment: Self.alignment) : nil
        behind = isDirect ? WriteBehind(descriptor: descriptor) : nil
    }

    deinit {
        // No block is freed while it is being written.
        waitForTheBlockBehind()
        block?.deallocate()
        spare?.deallocate()
    }

    /// Waits for a block being written behind, its outcome dropped: what an owner that closes the
    /// descriptor without draining (a file abandoned after an error) must call first, so that no
    /// queued write lands on a descriptor the number of which another file has taken since.
    func waitForTheBlockBehind() {
        _ = behind?.finished()
    }

    /// Writes `bytes` after those before; false (with `errno` set) when the system writes nothing.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard isDirect, block != nil else {
            return writeHeld(count: held) && writeWhole(descriptor, bytes)
        }
        var rest = bytes
        // `block` is read anew for each piece: a full one is swapped for the spare.
        while let base = rest.baseAddress, !rest.isEmpty, let block {
            let taken = min(Self.capacity - held, rest.count)
            (block + held).copyMemory(from: base, byteCount: taken)
            held += taken
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            if held == Self.capacity, !writeFullBlock() { return false }
        }
        return true
    }

    /// Hands the full block to be written behind and takes the spare one, once the block before it
    /// is written; written here instead when the file has left direct writes meanwhile.
    private func writeFullBlock() -> Bool {
        guard settle() else { return false }
        guard isDirect, let behind, let full = block else { return writeHeld(count: held) }
        (block, spare) = (spare, full)
        held = 0
        behind.write(full, count: Self.capacity)
        return true
    }

    /// Waits for the block being written behind. One refused as a direct write (`EINVAL`) is written
    /// again, from where it was refused, through the cache, where the file carries on; false (with
    /// `errno` set) when it failed otherwise.
    private func settle() -> Bool {
        guard let behind, let outcome = behind.finished() else { return true }
        guard let failure = outcome.error else { return true }
        guard failure == EINVAL, isDirect, let spare else {
            errno = failure
            return false
        }
        leaveDirect()
        return writeWhole(
            descriptor, UnsafeRawBufferPointer(start: spare + outcome.written, count: outcome.count - outcome.written))
    }

    /// Writes every byte still held: the whole blocks direct, the part-block after them through the
    /// cache (the file carries on through the cache if more is written). False (with `errno` set)
    /// when the system writes nothing.
    func drain() -> Bool {
        guard settle(), writeHeld(count: held / Self.alignment * Self.alignment) else { return false }
        if held > 0 { leaveDirect() }
        return writeHeld(count: held)
    }

    /// Writes the first `count` held bytes and keeps the rest at the start of the block; a direct
    /// write refused with `EINVAL` is made again through the cache.
    private func writeHeld(count: Int) -> Bool {
        guard count > 0, let block else { return true }
        var written = 0
        while written < count {
            let result = Glibc.write(descriptor, block + written, count - written)
            if result < 0 && errno == EINTR { continue }
            if result < 0 && errno == EINVAL && isDirect {
                leaveDirect()
                continue
            }
            guard result > 0 else { return false }
            written += result
        }
        held -= count
        if held > 0 { block.copyMemory(from: block + count, byteCount: held) }
        return true
    }

    private func leaveDirect() {
        guard isDirect else { return }
        isDirect = false
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~ca_o_direct_flag()) }
    }
}
