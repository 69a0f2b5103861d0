/// How an entry is compressed.
public enum ZipCompression: Sendable, Hashable {
    /// Stored as is.
    case store
    /// Deflated at a zlib level from 1 to 9.
    case deflate(level: Int)
}

/// An MS-DOS date and time as ZIP stores it (two-second resolution, no time zone), set
/// explicitly so that the archive's bytes do not depend on the machine's time zone.
public struct DOSTimestamp: Sendable, Hashable {
    /// The packed time field.
    public let time: UInt16
    /// The packed date field.
    public let date: UInt16

    /// The timestamp of the packed fields, as an archive stores them.
    public init(time: UInt16, date: UInt16) {
        self.time = time
        self.date = date
    }

    /// A timestamp; years before 1980 are clamped to 1980, as DOS dates start there.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let clampedYear = min(max(year, 1980), 2107)
        date = UInt16((clampedYear - 1980) << 9 | month << 5 | day)
        time = UInt16(hour << 11 | minute << 5 | second / 2)
    }
}
