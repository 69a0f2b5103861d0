/// The claim folder `escalate` writes, before it is written: the text of `claim.yaml` and
/// the files to copy under `evidence/`.
public struct EscalationDraft: Sendable {
    /// One file of the new `evidence/`: the earlier bundle itself, or one of its delivery
    /// proofs copied out of it.
    public struct Copy: Sendable, Hashable {
        /// The entry's whole name inside the earlier bundle, or `nil` for the bundle itself.
        public let entry: String?
        /// Its path in the new claim folder (`evidence/…`).
        public let path: String
    }

    /// The new claim's id (`<id>-complaint`, `<id>-court`).
    public let id: String
    public let kind: ClaimKind
    /// The text of `claim.yaml`.
    public let yaml: String
    /// The files of `evidence/`, the earlier bundle first.
    public let copies: [Copy]
    /// The authority the complaint is addressed to (nil for court).
    public let authority: Authority?
    /// The answer's due date, as `status` counts it, when the claim was delivered.
    public let answerDue: CalendarDate?
}
