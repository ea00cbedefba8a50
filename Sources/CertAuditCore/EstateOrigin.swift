/// What an estate was read from: the console's inventory (certificates.csv and the tables beside
/// it), or a plain folder of certificate files with no inventory at all, which only the rules that
/// look at the files alone can audit.
public enum EstateOrigin: String, Sendable, Hashable {
    case inventory
    case certificateFolder = "certificate-folder"
}
