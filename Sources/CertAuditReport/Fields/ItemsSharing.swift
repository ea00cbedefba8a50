/// Says which rows of a section hold the same items in a repeated field, so that a renderer makes
/// the field's value once for all of them: the timeline's alerts, whose deliveries are one list per
/// alert policy for every day it fires (1.4 million alerts at 100,000 certificates, each made its
/// items or its CSV cell anew before).
public struct ItemsSharing<Row>: Sendable {
    /// Rows of one key may share their items; nil: the row's are its own.
    let key: @Sendable (Row) -> String?
    /// Whether two rows of one key do hold the same items (confirmed, never assumed: a list the
    /// rows share compares equal in one step).
    let same: @Sendable (Row, Row) -> Bool

    public init(key: @escaping @Sendable (Row) -> String?, same: @escaping @Sendable (Row, Row) -> Bool) {
        self.key = key
        self.same = same
    }
}
