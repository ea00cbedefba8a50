import Foundation
import Testing

/// `CSVTestFile.withFile` removes the folder it wrote when its scope ends, whether the body returns
/// or throws: nearly every CSV test reads its input through it.
struct CSVTestFileTests {
    @Test func theFolderIsGoneWhenTheBodyReturnsOrThrows() throws {
        let returned = try CSVTestFile.withFile(Array("a\n1\n".utf8)) { path in
            #expect(FileManager.default.fileExists(atPath: path))
            return path
        }
        var thrown: String?
        do {
            try CSVTestFile.withFile([]) { path in
                thrown = path
                throw CancellationError()
            }
        } catch {}
        for path in [returned, try #require(thrown)] {
            #expect(
                !FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path))
        }
    }
}
