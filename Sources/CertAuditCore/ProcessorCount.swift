import Foundation

/// The number of cores the run may use by default.
public enum ProcessorCount {
    public static var active: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
