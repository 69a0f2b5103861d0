import Testing
import XMLKit

@Test func linkedLibxml2ReportsItsVersion() {
    #expect(Int(XMLLibrary.parserVersion).map { $0 >= 20900 } == true)
}
