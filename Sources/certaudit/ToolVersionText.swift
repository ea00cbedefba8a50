import CertAuditCore

/// The version ArgumentParser prints for `--version`, with the allocator the process runs on.
enum ToolVersionText {
    static let current = "\(ToolVersion.current) (allocator: \(Allocator.description))"
}
