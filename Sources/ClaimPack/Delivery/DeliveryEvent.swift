/// One event of the delivery-confirmation record.
public struct DeliveryEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, ClaimVocabulary {
        /// The bundle was built; the envelope is ready.
        case prepared
        /// Handed to the post or sent.
        case sent
        /// Received by the addressee.
        case delivered
        /// Sent back unclaimed: counts as delivered on that date (ГК РФ ст. 165.1).
        case returned
        /// The company answered.
        case answered
        /// A time-stamping authority stamped the seal (`claimpack timestamp`); may come at
        /// any point after `prepared`, at the time the token gives.
        case timestamped
    }

    public var kind: Kind
    /// The date, or date and time with offset.
    public var at: EventTime
    public var method: DeliveryMethod?
    public var carrier: TrackingNumber.Carrier?
    public var tracking: String?
    /// Who the item is addressed to (the `prepared` event).
    public var addressee: Addressee?
    /// What is in the envelope (the `prepared` event): the letter and these evidence ids.
    public var enclosures: [Enclosure]?
    /// Proof files, stored under `data/delivery/`.
    public var proofs: [PayloadFile]
    /// The time-stamp token (the `timestamped` event), stored under `data/timestamps/`.
    public var token: Token?
    public var note: String?

    /// One evidence file in the envelope, with its printed sheets.
    public struct Enclosure: Sendable, Hashable {
        public var evidenceID: String
        public var sheets: Int?

        public init(evidenceID: String, sheets: Int?) {
            self.evidenceID = evidenceID
            self.sheets = sheets
        }
    }

    /// A time-stamp token in the bundle: its file, the authority that signed it, its serial
    /// number, and the digest it stamps (the seal, or the record's chain head).
    public struct Token: Sendable, Hashable {
        /// What a token stamps.
        public enum Subject: String, Sendable, Hashable {
            /// The seal: the claim and its evidence.
            case seal
            /// The hash of the record's last event before the token (its chain head): every
            /// event up to it.
            case record
        }

        public var file: PayloadFile
        public var authority: String
        /// The token's serial number, hexadecimal.
        public var serial: String
        public var subject: Subject
        /// The digest the token stamps.
        public var imprint: SHA256Digest

        public init(file: PayloadFile, authority: String, serial: String, subject: Subject = .seal, imprint: SHA256Digest) {
            self.file = file
            self.authority = authority
            self.serial = serial
            self.subject = subject
            self.imprint = imprint
        }
    }

    public init(kind: Kind, at: EventTime, method: DeliveryMethod? = nil, carrier: TrackingNumber.Carrier? = nil,
                tracking: String? = nil, addressee: Addressee? = nil, enclosures: [Enclosure]? = nil,
                proofs: [PayloadFile] = [], token: Token? = nil, note: String? = nil) {
        self.kind = kind
        self.at = at
        self.method = method
        self.carrier = carrier
        self.tracking = tracking
        self.addressee = addressee
        self.enclosures = enclosures
        self.proofs = proofs
        self.token = token
        self.note = note
    }
}
