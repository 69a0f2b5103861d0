/// How the claim is to be delivered.
public struct DeliveryPlan: Sendable, Hashable {
    public var method: DeliveryMethod
    /// The declared value for registered mail (Form 107), as a decimal string in roubles.
    public var declaredValue: DecimalAmount?

    public init(method: DeliveryMethod, declaredValue: DecimalAmount? = nil) {
        self.method = method
        self.declaredValue = declaredValue
    }
}
