/// What went wrong while writing or reading a ZIP archive, with libzip's own message.
public enum ZipError: Error, Sendable, CustomStringConvertible {
    /// The archive file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// An entry could not be added or configured.
    case cannotAdd(entry: String, reason: String)
    /// The content of an entry failed while libzip read it; `underlying` is its own error.
    case contentFailed(entry: String, underlying: any Error)
    /// The archive could not be written out.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot create the archive (\(reason))"
        case .cannotAdd(let entry, let reason): "\(entry): cannot add the entry (\(reason))"
        case .contentFailed(let entry, let underlying): "\(entry): \(underlying)"
        case .cannotWrite(let path, let reason): "\(path): cannot write the archive (\(reason))"
        }
    }
}
