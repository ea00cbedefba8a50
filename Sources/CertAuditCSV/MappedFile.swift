import Glibc

/// A regular input file mapped read-only into memory: the parser walks the pages the kernel brings
/// in and drops, so a large CSV costs address space, not resident memory, and any byte can be
/// revisited (the reader resumes after an unterminated quote). Devices, FIFOs and folders are refused
/// before anything is read, so `/dev/zero` cannot hang a run.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private let length: Int

    /// Inputs above this size are refused (2 GiB).
    static let sizeLimit = 2 << 30

    init(path: String, name: String) throws(InputFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputFileError(file: name, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputFileError(file: name, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw InputFileError(file: name, reason: "not a regular file")
        }
        guard status.st_size <= MappedFile.sizeLimit else {
            throw InputFileError(file: name, reason: "larger than the \(MappedFile.sizeLimit >> 30) GiB input limit")
        }
        length = Int(status.st_size)
        guard length > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw InputFileError(file: name, reason: "cannot map: \(String(cString: strerror(errno)))")
        }
        madvise(mapped, length, MADV_SEQUENTIAL)
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let base { munmap(base, length) }
    }
}
