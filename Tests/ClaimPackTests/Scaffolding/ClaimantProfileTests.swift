import Foundation
import Testing
@testable import ClaimPack

struct ClaimantProfileTests {
    @Test func theLocationFollowsXDG() {
        #expect(ClaimantProfile.location(environment: ["XDG_CONFIG_HOME": "/x/config", "HOME": "/home/a"])?.path == "/x/config/claimpack/profile.yaml")
        // A relative XDG_CONFIG_HOME is ignored, as the XDG Base Directory spec says.
        #expect(ClaimantProfile.location(environment: ["XDG_CONFIG_HOME": "config", "HOME": "/home/a"])?.path == "/home/a/.config/claimpack/profile.yaml")
        #expect(ClaimantProfile.location(environment: [:]) == nil)
    }

    @Test func aProfileIsReadAndEmptyValuesAreLeftOut() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("name: Smith John\naddress: \"1 High Street: Leeds\"\nphone:\nlanguage: en\n".utf8).write(to: file)
        let profile = try #require(try ClaimantProfile.read(file))
        #expect(profile == ClaimantProfile(name: "Smith John", address: "1 High Street: Leeds", language: .en))
        #expect(try ClaimantProfile.read(file.appendingPathExtension("missing")) == nil)
    }

    @Test func aMistakeNamesTheLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("name: a\n\nemial: b\n".utf8).write(to: file)
        #expect(throws: ProfileError(path: file.path, line: 3, message: "\"emial\" is not a profile key (name, address, phone, email, language); did you mean email?")) {
            try ClaimantProfile.read(file)
        }
        try Data("- a\n- b\n".utf8).write(to: file)
        #expect(throws: ProfileError.self) { try ClaimantProfile.read(file) }
    }
}
