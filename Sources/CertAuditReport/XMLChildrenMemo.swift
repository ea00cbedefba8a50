/// Children a writer wrote for one row, kept so that the next row sharing them (`ItemsSharing`:
/// the same list, handed out by `SharedValues`) gets the same bytes copied instead of written
/// again. An alert policy's deliveries are the same `<delivery>` elements on every day it fires:
/// 3.9 million elements, 44 % of report.xml at 100,000 certificates.
final class XMLChildrenMemo {
    /// The children's bytes as written, and the depth they were written at (their indentation).
    var written: (depth: Int, bytes: [UInt8])?
}
