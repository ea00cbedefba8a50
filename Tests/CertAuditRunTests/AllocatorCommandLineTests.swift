import Testing

/// The executable runs on mimalloc (it links it before glibc): the million-certificate peak depends
/// on it, and a link order that let glibc's `malloc` win would change no output, only memory.
struct AllocatorCommandLineTests {
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func theExecutablesMallocIsMimalloc() throws {
        let outcome = try CommandLineTests.run(["--version"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("(allocator: mimalloc "), "\(outcome.stdout)")
    }
}
