import CertAuditCore

/// The version ArgumentParser prints for `--version`.
enum ToolVersionText {
    static let current = ToolVersion.current
}
