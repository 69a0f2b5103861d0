/// Which post-office forms go into the printed kit, decided by how the letter is sent and
/// by the post of the claim's country (`claim.jurisdiction`).
///
/// Russian Post and Ukrposhta take a valuable letter with an inventory of its contents
/// (Form 107, two copies) and an advice of delivery (Form 119). Royal Mail has neither: a
/// UK kit holds no post-office form. USPS has no inventory; its return receipt, PS Form
/// 3811, is a card the post office supplies, so a US kit names it in a short note instead.
struct PostForms: Sendable, Hashable {
    /// Form 107 (опись вложения; опис вкладення), twice.
    var inventory: Bool
    /// Form 119 (уведомление о вручении; повідомлення про вручення).
    var deliveryNotice: Bool
    /// The note naming PS Form 3811 (Domestic Return Receipt).
    var returnReceiptNote: Bool

    /// The forms of `claim`; `deliveryNotice` false leaves out Form 119 and the PS 3811 note.
    init(claim: Claim, deliveryNotice: Bool = true) {
        let registered = claim.delivery.method == .registeredMail
        let postHasForms = claim.jurisdiction == .ru || claim.jurisdiction == .ua
        inventory = registered && postHasForms
        self.deliveryNotice = registered && postHasForms && deliveryNotice
        returnReceiptNote = registered && claim.jurisdiction == .us && deliveryNotice
    }
}
