/// How CSV inputs are decoded: `auto` reads UTF-8 and falls back to GB18030 (what spreadsheets on
/// Chinese Windows save) when a file is not valid UTF-8.
public enum TextEncodingChoice: String, Sendable, Hashable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030
}
