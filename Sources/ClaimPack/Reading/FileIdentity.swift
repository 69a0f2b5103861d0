/// Which file a file is, whatever its name: the device and inode numbers `stat(2)` gives.
/// A file replaced by another (a rename over it, a new link) has another identity.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
