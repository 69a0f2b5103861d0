import Foundation
import Testing
@testable import TimestampKit

/// The HTTP POST, against a server on 127.0.0.1 that the test starts and stops.
@Suite struct TimestampClientTests {
    let digest = [UInt8](repeating: 0x42, count: 32)

    @Test func postsAndChecksTheReply() throws {
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        let reply = try TimestampClient().post(request, to: authority.url("tsa"))
        let token = try TimestampVerifier.check(reply, answering: request)
        #expect(token.imprint == digest)
    }

    @Test func refusesHTMLRedirectsAndHugeAnswers() throws {
        let authority = try LocalAuthority(serving: true)
        defer { authority.stop() }
        let request = try TimestampRequest(sha256: digest)
        #expect(throws: TimestampError.notTimestampReply(url: authority.url("html"), contentType: "text/html; charset=utf-8")) {
            try TimestampClient().post(request, to: authority.url("html"))
        }
        #expect(throws: TimestampError.redirected(url: authority.url("redirect"), location: authority.url("tsa"))) {
            try TimestampClient().post(request, to: authority.url("redirect"))
        }
        #expect(throws: TimestampError.responseTooLarge(url: authority.url("big"), limit: 1 << 20)) {
            try TimestampClient().post(request, to: authority.url("big"))
        }
        #expect(throws: TimestampError.httpStatus(url: authority.url("nothing"), status: 404)) {
            try TimestampClient().post(request, to: authority.url("nothing"))
        }
    }

    @Test func saysWhenTheAuthorityIsDown() throws {
        let authority = try LocalAuthority(serving: true)
        let url = authority.url("tsa")
        authority.stop()
        #expect {
            try TimestampClient().post(try TimestampRequest(sha256: digest), to: url)
        } throws: { error in
            guard case TimestampError.unreachable(_, let reason) = error else { return false }
            return reason.contains("onnect")
        }
        #expect(throws: TimestampError.badURL("ftp://127.0.0.1/tsa")) {
            try TimestampClient().post(try TimestampRequest(sha256: digest), to: "ftp://127.0.0.1/tsa")
        }
    }
}
