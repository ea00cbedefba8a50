/// `DV`, `DV_FREE`, `OV`, `OV_PRO`, `EV`, `EV_PRO`.
public enum Product: String, Sendable, Hashable, CaseIterable {
    case dv = "DV"
    case dvFree = "DV_FREE"
    case ov = "OV"
    case ovPro = "OV_PRO"
    case ev = "EV"
    case evPro = "EV_PRO"
}
