/// What a file is, judged by its extension: its media type, the evidence kind it most
/// likely is, and whether its bytes are already compressed.
public struct MediaType: Sendable, Hashable {
    /// The IANA media type, for example `image/png`.
    public let name: String
    /// The evidence kind a file of this type is assumed to be when it has no entry.
    public let likelyKind: EvidenceKind
    /// Whether the format is compressed already (JPEG, PNG, PDF, MP3, MP4, ZIP …), so
    /// deflating it again would gain nothing.
    public let isCompressed: Bool

    /// The type of a file name; `application/octet-stream` when the extension is unknown.
    public init(fileName: String) {
        let lowered = fileName.lowercased()
        let fileExtension = lowered.lastIndex(of: ".").map { String(lowered[lowered.index(after: $0)...]) } ?? ""
        self = MediaType.byExtension[fileExtension] ?? MediaType("application/octet-stream", .other, compressed: false)
    }

    private init(_ name: String, _ kind: EvidenceKind, compressed: Bool) {
        self.name = name
        self.likelyKind = kind
        self.isCompressed = compressed
    }

    private static let byExtension: [String: MediaType] = [
        "png": .init("image/png", .screenshot, compressed: true),
        "jpg": .init("image/jpeg", .photo, compressed: true),
        "jpeg": .init("image/jpeg", .photo, compressed: true),
        "heic": .init("image/heic", .photo, compressed: true),
        "webp": .init("image/webp", .screenshot, compressed: true),
        "gif": .init("image/gif", .screenshot, compressed: true),
        "tif": .init("image/tiff", .photo, compressed: false),
        "tiff": .init("image/tiff", .photo, compressed: false),
        "bmp": .init("image/bmp", .screenshot, compressed: false),
        "pdf": .init("application/pdf", .receipt, compressed: true),
        "txt": .init("text/plain", .other, compressed: false),
        "md": .init("text/markdown", .callNotes, compressed: false),
        "csv": .init("text/csv", .other, compressed: false),
        "html": .init("text/html", .correspondence, compressed: false),
        "htm": .init("text/html", .correspondence, compressed: false),
        "xml": .init("application/xml", .other, compressed: false),
        "json": .init("application/json", .other, compressed: false),
        "eml": .init("message/rfc822", .correspondence, compressed: false),
        "msg": .init("application/vnd.ms-outlook", .correspondence, compressed: false),
        "doc": .init("application/msword", .contract, compressed: false),
        "docx": .init("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .contract, compressed: true),
        "xlsx": .init("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .other, compressed: true),
        "odt": .init("application/vnd.oasis.opendocument.text", .contract, compressed: true),
        "rtf": .init("application/rtf", .contract, compressed: false),
        "mp3": .init("audio/mpeg", .recording, compressed: true),
        "m4a": .init("audio/mp4", .recording, compressed: true),
        "aac": .init("audio/aac", .recording, compressed: true),
        "ogg": .init("audio/ogg", .recording, compressed: true),
        "opus": .init("audio/opus", .recording, compressed: true),
        "amr": .init("audio/amr", .recording, compressed: true),
        "flac": .init("audio/flac", .recording, compressed: true),
        "wav": .init("audio/wav", .recording, compressed: false),
        "mp4": .init("video/mp4", .recording, compressed: true),
        "mov": .init("video/quicktime", .recording, compressed: true),
        "webm": .init("video/webm", .recording, compressed: true),
        "mkv": .init("video/x-matroska", .recording, compressed: true),
        "3gp": .init("video/3gpp", .recording, compressed: true),
        "zip": .init("application/zip", .other, compressed: true),
        "7z": .init("application/x-7z-compressed", .other, compressed: true),
        "gz": .init("application/gzip", .other, compressed: true),
        "rar": .init("application/vnd.rar", .other, compressed: true),
    ]
}
