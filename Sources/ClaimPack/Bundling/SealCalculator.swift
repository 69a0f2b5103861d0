internal import Crypto
public import Foundation
internal import XMLKit

/// The seal a claim folder's bundle will have, without building it: every evidence file
/// hashed, then `manifest.xml` made exactly as `build` makes it, then hashed.
public enum SealCalculator {
    /// The seal of the bundle that `build` would make from `report` now. `follows:` is
    /// resolved as `build` resolves it (`FollowedBundleCheck`, with the schemas in `schemas`):
    /// the earlier bundle's id is part of `manifest.xml`, so of the seal.
    /// - Throws: `BuildError.claimHasErrors`, `.earlierBundle` for a `follows:` bundle `build`
    ///   would refuse, or `.evidenceUnreadable` for a file that cannot be read.
    public static func seal(of report: ClaimFolderReport, schemas: URL) throws(BuildError) -> SHA256Digest {
        guard let decoded = report.claim, report.isBuildable else {
            throw .claimHasErrors(count: report.diagnostics.count(of: .error))
        }
        let claim = try FollowedBundleCheck.resolve(decoded, folder: report.folder, files: report.evidenceFiles, schemas: schemas)
        var payload: [String: PayloadFile] = [:]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        for file in report.evidenceFiles {
            let descriptor = open(report.folder.appendingPathComponent(file.diskPath).path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw .evidenceUnreadable(path: file.diskPath, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var hasher = SHA256()
            var size: UInt64 = 0
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw .evidenceUnreadable(path: file.diskPath, reason: String(cString: strerror(errno))) }
                if count == 0 { break }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer.baseAddress, count: count))
                size += UInt64(count)
            }
            let path = BundleLayout.payloadPath(for: file.path)
            payload[path] = PayloadFile(path: path, size: size, sha256: SHA256Digest(hasher.finalize()))
        }
        do {
            return SHA256Digest(of: try ManifestDocument.bytes(for: claim, payload: payload))
        } catch {
            throw .invalidDocument(name: BundleLayout.manifest, problems: [error.description])
        }
    }
}
