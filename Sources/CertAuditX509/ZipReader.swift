internal import CZlib

/// A ZIP reader for hostile input, written for certaudit after fuzzing showed ZIPFoundation crash
/// (in-memory archives), hang (a truncated deflate stream) and leak on crafted archives. It works on
/// bytes already in memory and size-limited, checks every offset against them, inflates with zlib
/// into a buffer that may not grow past the declared size or the limit, and verifies each CRC-32.
/// Stored and deflated entries only; no ZIP64, no encryption.
struct ZipReader {
    struct Entry {
        let path: String
        let isDirectory: Bool
        let isSymbolicLink: Bool
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        case unsupported(String)

        var description: String {
            switch self {
            case .malformed(let reason): "not a readable ZIP archive: \(reason)"
            case .unsupported(let reason): "unsupported ZIP feature: \(reason)"
            }
        }
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ bytes: [UInt8], entryLimit: Int) throws(Failure) {
        self.bytes = bytes
        guard bytes.count >= 22 else { throw .malformed("too short") }
        var end = -1
        var cursor = bytes.count - 22
        let floor = max(0, bytes.count - 22 - 65_535)
        while cursor >= floor {
            if Self.u32(bytes, cursor) == 0x0605_4B50 {
                end = cursor
                break
            }
            cursor -= 1
        }
        guard end >= 0 else { throw .malformed("no end-of-central-directory record") }
        let count = Int(Self.u16(bytes, end + 10))
        let directorySize = Int(Self.u32(bytes, end + 12))
        let directoryOffset = Int(Self.u32(bytes, end + 16))
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw .unsupported("ZIP64")
        }
        guard count <= entryLimit else { throw .unsupported("more than \(entryLimit) entries") }
        guard directoryOffset + directorySize <= end else {
            throw .malformed("the central directory lies outside the file")
        }
        var entries: [Entry] = []
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= end, Self.u32(bytes, position) == 0x0201_4B50 else {
                throw .malformed("central directory entry \(entries.count + 1) is damaged")
            }
            let flags = Self.u16(bytes, position + 8)
            let nameLength = Int(Self.u16(bytes, position + 28))
            let extraLength = Int(Self.u16(bytes, position + 30))
            let commentLength = Int(Self.u16(bytes, position + 32))
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= end else {
                throw .malformed("central directory entry \(entries.count + 1) runs past its end")
            }
            guard flags & 0x1 == 0 else { throw .unsupported("encrypted entries") }
            let path = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let mode = Self.u32(bytes, position + 38) >> 16
            entries.append(
                Entry(
                    path: path, isDirectory: path.utf8.last == UInt8(ascii: "/"),
                    isSymbolicLink: mode & 0xF000 == 0xA000,
                    method: Self.u16(bytes, position + 10), crc32: Self.u32(bytes, position + 16),
                    compressedSize: Int(Self.u32(bytes, position + 20)),
                    uncompressedSize: Int(Self.u32(bytes, position + 24)),
                    localHeaderOffset: Int(Self.u32(bytes, position + 42))))
            position = next
        }
        self.entries = entries
    }

    /// An entry's bytes: stored or inflated, never more than `limit`, checked against its CRC-32.
    func contents(of entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else {
            throw .malformed("the local header of '\(entry.path)' is missing")
        }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw .malformed("the data of '\(entry.path)' runs past the end of the file")
        }
        guard entry.uncompressedSize <= limit else { throw .unsupported("'\(entry.path)' is larger than the limit") }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .malformed("stored entry '\(entry.path)' has two different sizes")
            }
            output = data
        case 8:
            output = try Self.inflate(data, expected: entry.uncompressedSize, path: entry.path)
        default:
            throw .unsupported("compression method \(entry.method) of '\(entry.path)'")
        }
        let checksum = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard checksum == entry.crc32 else { throw .malformed("'\(entry.path)' fails its CRC-32 check") }
        return output
    }

    /// Raw deflate into a buffer of exactly the declared size: more output than declared, or a
    /// stream that does not end where the data ends, is damage.
    static func inflate(_ input: [UInt8], expected: Int, path: String) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformed("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(expected, 1))
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == expected else {
            throw .malformed("the deflate data of '\(path)' is damaged or larger than declared")
        }
        return Array(output.prefix(expected))
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
            << 24
    }
}
