/// The fields of a `Finding` that few findings set, kept out of line together (none when neither is
/// set, so that equal findings compare and hash equal).
struct RareFindingFields: Sendable, Hashable {
    var packageID: String?
    var aspect: String?
}
