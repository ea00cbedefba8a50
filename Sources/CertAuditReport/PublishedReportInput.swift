internal import CLibXML2
import Glibc

/// A report.xml this program published, fed to libxml2's reader without its timeline: the bytes from
/// the timeline's start tag to its end tag are read as `<timeline/>`.
///
/// Why: the comparison with the previous run reads its certificates, findings and operations; the
/// timeline is most of a large report (440 of 600 MB at 100,000 certificates) and was parsed only to
/// be passed over — most of the 20 s a nightly run spent reading its baseline. The cut is safe only
/// on the writer's own bytes (`XMLReportRenderer`: the section's tags alone on lines indented two
/// spaces, and `<` escaped in every text and attribute, so the first `\n  </timeline>` after the
/// first `\n  <timeline>` is the section's end), which is why `BaselineReader` uses it only for a
/// report whose digest its own `SHA256SUMS` lists. A file where the tags are not found is read whole.
final class PublishedReportInput {
    private let descriptor: Int32
    /// The pieces read in turn: ranges of the file, or the replacement.
    private let pieces: [Piece]
    private var piece = 0
    private var offset = 0

    private enum Piece {
        case file(Range<Int>)
        case replacement
    }

    private static let replacement = Array("<timeline/>".utf8)
    private static let start = Array("\n  <timeline>".utf8)
    private static let end = Array("\n  </timeline>".utf8)
    /// Bytes read at a time while looking for the timeline.
    static let chunk = 1 << 20

    /// Opens the file and finds its timeline; nil when it cannot be opened (the caller reads it the
    /// usual way). Read with `pread`, not mapped: a mapped file's pages count in the run's resident
    /// memory (a 640 MB report took a run's peak from 523 to 944 MiB).
    init?(path: String, chunk: Int = PublishedReportInput.chunk) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        let length = Int(status.st_size)
        if let open = Self.find(Self.start, in: descriptor, from: 0, length: length, chunk: chunk),
            let close = Self.find(Self.end, in: descriptor, from: open + Self.start.count, length: length, chunk: chunk)
        {
            // From the start tag's `<` to the end tag's `>`.
            let cut = (open + 1 + 2)..<(close + Self.end.count)
            pieces = [.file(0..<cut.lowerBound), .replacement, .file(cut.upperBound..<length)]
        } else {
            pieces = [.file(0..<length)]
        }
    }

    deinit { close(descriptor) }

    /// Whether a timeline section was found to be left out.
    var skipsTimeline: Bool { pieces.count > 1 }

    /// Where `needle` first occurs in the file from `from`, read a chunk at a time (each chunk
    /// overlapping the last by the needle's length, so that no occurrence is cut in two).
    private static func find(_ needle: [UInt8], in descriptor: Int32, from: Int, length: Int, chunk: Int) -> Int? {
        var buffer = [UInt8](repeating: 0, count: chunk + needle.count)
        var position = from
        while position + needle.count <= length {
            let wanted = min(buffer.count, length - position)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(position)) }
            guard count >= needle.count else { return nil }
            if let found = firstIndex(of: needle, in: buffer, count: count) { return position + found }
            position += count - (needle.count - 1)
        }
        return nil
    }

    /// `needle`'s first place in the first `count` bytes of `buffer`: `memchr` finds each candidate
    /// first byte, the rest is compared there.
    private static func firstIndex(of needle: [UInt8], in buffer: [UInt8], count: Int) -> Int? {
        buffer.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, let first = needle.first else { return nil }
            var position = 0
            while position + needle.count <= count {
                guard let found = memchr(base + position, Int32(first), count - position) else { return nil }
                position = UnsafeRawPointer(found) - base
                guard position + needle.count <= count else { return nil }
                if memcmp(base + position, needle, needle.count) == 0 { return position }
                position += 1
            }
            return nil
        }
    }

    /// Copies up to `count` bytes of what is left into `buffer`: the number copied, 0 at the end,
    /// -1 when the file cannot be read.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        var written = 0
        while written < count, piece < pieces.count {
            let pieceLength: Int
            let taken: Int
            switch pieces[piece] {
            case .file(let range):
                pieceLength = range.count
                let wanted = min(count - written, pieceLength - offset)
                taken = wanted == 0 ? 0 : pread(descriptor, buffer + written, wanted, off_t(range.lowerBound + offset))
                guard taken > 0 || wanted == 0 else { return taken < 0 ? -1 : written }
            case .replacement:
                pieceLength = Self.replacement.count
                taken = min(count - written, pieceLength - offset)
                Self.replacement.withUnsafeBytes { bytes in
                    if let source = bytes.baseAddress {
                        (buffer + written).copyMemory(from: source + offset, byteCount: taken)
                    }
                }
            }
            written += taken
            offset += taken
            if offset == pieceLength {
                piece += 1
                offset = 0
            }
        }
        return written
    }

    /// A libxml2 reader over the input; the reader holds it until it is freed.
    func reader(options: Int32) -> xmlTextReaderPtr? {
        let context = Unmanaged.passRetained(self).toOpaque()
        let read: xmlInputReadCallback = { context, buffer, count in
            guard let context, let buffer, count > 0 else { return 0 }
            let input = Unmanaged<PublishedReportInput>.fromOpaque(context).takeUnretainedValue()
            return Int32(input.read(into: UnsafeMutableRawPointer(buffer), count: Int(count)))
        }
        // libxml2 calls it once when the reader is freed, and when making the reader fails.
        let close: xmlInputCloseCallback = { context in
            if let context { Unmanaged<PublishedReportInput>.fromOpaque(context).release() }
            return 0
        }
        return xmlReaderForIO(read, close, context, "baseline.xml", "UTF-8", options)
    }
}
