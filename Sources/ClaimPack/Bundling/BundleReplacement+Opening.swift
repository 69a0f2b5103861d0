internal import Foundation

/// Why a bundle to rewrite could not be locked and opened.
enum LockedOpeningFailure: Error {
    /// The bundle cannot be used: missing, unreadable or not intact.
    case bundle(BundleError)
    /// The lock could not be taken (read-only, another run holds it, …).
    case lock(BuildError)
}

extension BundleReplacement {
    /// Locks the bundle at `url` for a rewrite (`lock`), then verifies and reads it under
    /// the lock: what `deliver` and `timestamp` both start with.
    static func lockAndOpen(_ url: URL, schemas: URL, timeout: Duration) throws(LockedOpeningFailure) -> (BundleReplacement, OpenedBundle) {
        let replacement: BundleReplacement
        do {
            replacement = try lock(url, timeout: timeout)
        } catch {
            if case .cannotRead(let path, let reason) = error {
                throw .bundle(.cannotRead(VerificationError.cannotRead(path: path, reason: reason).description))
            }
            throw .lock(error)
        }
        do {
            return (replacement, try OpenedBundle.open(replacement.file, verifier: BundleVerifier(schemas: schemas)))
        } catch {
            throw .bundle(error)
        }
    }
}
