/// What an entry is, as its name and Unix file-type bits say.
public enum ZipEntryType: Sendable, Hashable {
    /// A regular file (or an entry made on a system that records no type).
    case regular
    /// A directory: a name ending with `/`, or the directory type bits.
    case directory
    /// A symbolic link: its data is the target.
    case symbolicLink
    /// A device, pipe, socket or other special file, with its `S_IFMT` bits.
    case special(UInt32)

    /// The type of an entry named `rawName` with the Unix file-type bits `unixFileType`
    /// (`nil` when the entry was not made on Unix).
    public init(rawName: [UInt8], unixFileType: UInt32?) {
        switch unixFileType {
        case 0o120000?: self = .symbolicLink
        case 0o040000?: self = .directory
        case let type? where type != 0 && type != 0o100000: self = .special(type)
        default: self = rawName.last == UInt8(ascii: "/") ? .directory : .regular
        }
    }
}
