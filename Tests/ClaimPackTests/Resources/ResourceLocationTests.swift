import Foundation
import Testing
@testable import ClaimPack

struct ResourceLocationTests {
    @Test func sourceCheckoutIsFoundAboveTheExecutable() throws {
        let executable = TestSupport.repositoryRoot.appendingPathComponent(".build/debug/claimpack")
        let location = try ResourceLocation.locate(executable: executable, environment: [:])
        #expect(location.root.standardizedFileURL.path == TestSupport.repositoryRoot.standardizedFileURL.path)
    }

    @Test func installPrefixShareFolderIsFound() throws {
        let prefix = try TemporaryFolder("prefix")
        try FileManager.default.createDirectory(at: prefix.url.appendingPathComponent("share/claimpack/Schemas"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.url.appendingPathComponent("share/claimpack/Templates"), withIntermediateDirectories: true)
        let location = try ResourceLocation.locate(executable: prefix.url.appendingPathComponent("bin/claimpack"), environment: [:])
        #expect(location.root.path == prefix.url.appendingPathComponent("share/claimpack").path)
    }

    @Test func environmentOverrideWinsAndIsCheckedItself() throws {
        let executable = TestSupport.repositoryRoot.appendingPathComponent(".build/debug/claimpack")
        #expect(throws: ResourceError.self) {
            try ResourceLocation.locate(executable: executable, environment: ["CLAIMPACK_RESOURCES": "/nonexistent"])
        }
        let location = try ResourceLocation.locate(executable: URL(fileURLWithPath: "/usr/bin/claimpack"),
                                                   environment: ["CLAIMPACK_RESOURCES": TestSupport.repositoryRoot.path])
        #expect(location.templates.lastPathComponent == "Templates")
    }

    @Test func nothingFoundSaysWhereItLooked() {
        #expect {
            try ResourceLocation.locate(executable: URL(fileURLWithPath: "/tmp/nowhere/bin/claimpack"), environment: [:])
        } throws: { error in
            (error as? ResourceError)?.description.contains("/tmp/nowhere/share/claimpack") == true
        }
    }
}
