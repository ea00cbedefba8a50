/// What a charge does to an account: drawn from the balance, or refused because the balance cannot
/// cover it (AR-CHARGE-FAILED). Amounts in fen (1/100 CNY).
public enum AccountEvent: Sendable, Hashable {
    case charged(fen: Int64)
    case chargeRefused(fen: Int64)
}
