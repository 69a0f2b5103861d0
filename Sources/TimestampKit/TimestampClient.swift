internal import CCurl

/// Sends a time-stamp request to an authority: one HTTP(S) POST of
/// `application/timestamp-query` through libcurl, and the reply's bytes.
///
/// Connect timeout 10 s, whole exchange 30 s; redirects refused (an authority's URL is
/// given as it is); only http and https; a body over 1 MiB refused; an answer that is not
/// `application/timestamp-reply` (an HTML page) refused. libcurl is opened on the first
/// request (`CurlLibrary`); `TimestampError.libraryMissing` when it is not installed.
public struct TimestampClient: Sendable {
    /// The largest reply read.
    public static let maximumResponseBytes = 1 << 20

    public var connectTimeoutSeconds: Int
    public var totalTimeoutSeconds: Int

    public init(connectTimeoutSeconds: Int = 10, totalTimeoutSeconds: Int = 30) {
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
    }

    /// POSTs `request` to `url`; returns the reply's body.
    public func post(_ request: TimestampRequest, to url: String) throws(TimestampError) -> [UInt8] {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { throw .badURL(url) }
        let curl = try CurlLibrary.shared()
        let (setopt, getinfo) = (curl.setopt.address, curl.getinfo.address)
        guard let handle = curl.easyInit() else { throw .unreachable(url: url, reason: "libcurl cannot start") }
        defer { curl.easyCleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>?
        headers = curl.slistAppend(headers, "Content-Type: application/timestamp-query")
        headers = curl.slistAppend(headers, "Accept: application/timestamp-reply")
        defer { curl.slistFreeAll(headers) }
        let body = ReplyBody(limit: TimestampClient.maximumResponseBytes)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code = request.der.withUnsafeBytes { payload in
            errorBuffer.withUnsafeMutableBufferPointer { errors -> CURLcode in
                let options: [CURLcode] = [
                    cp_curl_set_pointer(setopt, handle, CURLOPT_URL, url),
                    cp_curl_set_pointer(setopt, handle, CURLOPT_PROTOCOLS_STR, "http,https"),
                    cp_curl_set_long(setopt, handle, CURLOPT_FOLLOWLOCATION, 0),
                    cp_curl_set_long(setopt, handle, CURLOPT_NOSIGNAL, 1),
                    cp_curl_set_long(setopt, handle, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds),
                    cp_curl_set_long(setopt, handle, CURLOPT_TIMEOUT, totalTimeoutSeconds),
                    cp_curl_set_offset(setopt, handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(TimestampClient.maximumResponseBytes)),
                    cp_curl_set_pointer(setopt, handle, CURLOPT_USERAGENT, "claimpack"),
                    cp_curl_set_long(setopt, handle, CURLOPT_POST, 1),
                    cp_curl_set_pointer(setopt, handle, CURLOPT_POSTFIELDS, payload.baseAddress),
                    cp_curl_set_offset(setopt, handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(payload.count)),
                    cp_curl_set_pointer(setopt, handle, CURLOPT_HTTPHEADER, headers),
                    cp_curl_set_pointer(setopt, handle, CURLOPT_ERRORBUFFER, errors.baseAddress),
                    cp_curl_set_pointer(setopt, handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(body).toOpaque()),
                    cp_curl_set_write_function(setopt, handle) { data, size, count, user in
                        guard let user, let data else { return 0 }
                        let body = Unmanaged<ReplyBody>.fromOpaque(user).takeUnretainedValue()
                        return body.append(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
                    },
                ]
                if let failed = options.first(where: { $0 != CURLE_OK }) { return failed }
                return curl.easyPerform(handle)
            }
        }
        guard code == CURLE_OK else {
            if body.exceeded || code == CURLE_FILESIZE_EXCEEDED {
                throw .responseTooLarge(url: url, limit: TimestampClient.maximumResponseBytes)
            }
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .unreachable(url: url, reason: detail.isEmpty ? curl.easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)" : detail)
        }
        var status = 0
        _ = cp_curl_get_long(getinfo, handle, CURLINFO_RESPONSE_CODE, &status)
        if (300..<400).contains(status) {
            var location: UnsafeMutablePointer<CChar>?
            _ = cp_curl_get_string(getinfo, handle, CURLINFO_REDIRECT_URL, &location)
            throw .redirected(url: url, location: location.map { String(cString: $0) })
        }
        var type: UnsafeMutablePointer<CChar>?
        _ = cp_curl_get_string(getinfo, handle, CURLINFO_CONTENT_TYPE, &type)
        let contentType = type.map { String(cString: $0) }
        guard status == 200 else { throw .httpStatus(url: url, status: status) }
        let mediaType = contentType?.split(separator: ";").first.map { String($0.filter { $0 != " " && $0 != "\t" }).lowercased() }
        guard mediaType == "application/timestamp-reply" else { throw .notTimestampReply(url: url, contentType: contentType) }
        return body.bytes
    }
}

/// The reply's body as libcurl hands it over, up to a limit.
private final class ReplyBody {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var exceeded = false

    init(limit: Int) { self.limit = limit }

    /// Appends `chunk`; false (stop the transfer) once the limit is passed.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count + chunk.count <= limit else {
            exceeded = true
            return false
        }
        bytes.append(contentsOf: chunk)
        return true
    }
}
