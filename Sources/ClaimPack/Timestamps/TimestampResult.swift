/// What `timestamp` stored: the bundle as rewritten and the `timestamped` event.
public struct TimestampResult: Sendable {
    public let bundle: OpenedBundle
    /// The event recorded, with its token.
    public let event: DeliveryEvent
    /// Whether the token's nonce was compared with the request's (not for an answer
    /// obtained elsewhere with `--response`).
    public let nonceChecked: Bool
}
