internal import Crypto
internal import FileIO
public import Foundation
internal import SystemPackage
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
            let descriptor: FileDescriptor
            do {
                descriptor = try FileDescriptor.open(path: report.folder.appendingPathComponent(file.diskPath).path, .readOnly, options: [.noFollow, .closeOnExec])
            } catch {
                throw .evidenceUnreadable(path: file.diskPath, reason: error.description)
            }
            defer { try? descriptor.close() }
            var hasher = SHA256()
            var size: UInt64 = 0
            while true {
                let count: Int
                do { count = try descriptor.read(into: buffer) } catch {
                    throw .evidenceUnreadable(path: file.diskPath, reason: Errno(error).description)
                }
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
