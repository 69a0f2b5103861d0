internal import FileIO
internal import SystemPackage

/// An open folder and the names in it, sorted by their bytes. The open descriptor lets
/// each entry be looked up by name (`FileStatus(in:name:)`), and each subfolder be opened
/// from it (`init(in:name:)`), without walking a path from the root again: a folder
/// swapped for a symbolic link while it is read is never followed. A name that is not
/// UTF-8 is shown with each bad byte as `\xNN` (and a backslash as `\\`), so that two
/// such names never look alike; its backslash gets it refused as evidence.
final class DirectoryListing {
    /// The open folder (`O_DIRECTORY`, not following a link); closed with the listing.
    let descriptor: FileDescriptor
    let names: [String]

    /// Lists the folder `name` in the open folder `parent`, not following a link; `nil`
    /// when it is not a folder (any more) or cannot be opened or read.
    init?(in parent: FileDescriptor, name: String) {
        guard let descriptor = try? FileDescriptor.open(name, in: parent, .readOnly, options: [.directory, .noFollow, .closeOnExec]) else {
            return nil
        }
        guard let raw = try? descriptor.names() else {
            try? descriptor.close()
            return nil
        }
        self.descriptor = descriptor
        names = raw.sorted { $0.lexicographicallyPrecedes($1) }.map(Self.name)
    }

    /// The same, in a folder open as a raw descriptor.
    convenience init?(in parent: Int32, name: String) {
        self.init(in: FileDescriptor(rawValue: parent), name: name)
    }

    /// The bytes as a name: the UTF-8 they are, or when they are not UTF-8, the valid
    /// characters kept and every other byte written `\xNN` (`bad\xff\xfe.txt`).
    static func name(_ bytes: [UInt8]) -> String {
        if let name = String(validating: bytes, as: UTF8.self) { return name }
        var name = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                name += scalar == "\\" ? "\\\\" : String(scalar)
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    let hex = String(byte, radix: 16)
                    name += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                }
                offset += length
            case .emptyInput:
                return name
            }
        }
    }

    deinit { try? descriptor.close() }
}
