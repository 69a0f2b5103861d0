internal import Dispatch

/// A value computed on a background queue while the caller does other work; `value()`
/// waits for it. `@unchecked Sendable`: the value is written once, before `group` is
/// left, and read only after waiting on `group`; it passes from one thread to the other.
final class BackgroundResult<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The value, once computed.
    func value() -> Value {
        group.wait()
        return result!
    }
}
