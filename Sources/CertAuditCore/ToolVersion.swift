/// The version stamped into every report's `generator` attribute and run manifest.
public enum ToolVersion {
    public static let current = "0.1.0"
}
