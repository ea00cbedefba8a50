/// One setting of the run manifest (`partials/manifest`, `{{#settings}}`).
struct SettingView {
    let name: String
    let value: String
}
