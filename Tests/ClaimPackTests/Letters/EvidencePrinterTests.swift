import Foundation
import Testing
@testable import ClaimPack

/// How an image is fitted to the pages of its printed copy.
struct EvidencePrinterTests {
    @Test func aSmallImageIsNeverEnlargedPast150DPI() {
        let plan = EvidencePrinter.imagePlan(width: 400, height: 300)
        #expect(plan.scale == 72.0 / 150 && plan.slices == [0..<300])
    }

    @Test func aWideImageIsFittedToTheWidth() {
        let plan = EvidencePrinter.imagePlan(width: 4000, height: 3000)
        #expect(abs(plan.scale * 4000 - PageGeometry.contentWidth) < 0.001 && plan.slices.count == 1)
    }

    @Test func aPhoneScreenshotShrinksOntoOnePage() {
        // 1080 × 2400 at the width's scale is taller than the page, but fits at more than half of it.
        let plan = EvidencePrinter.imagePlan(width: 1080, height: 2400)
        #expect(plan.slices == [0..<2400] && abs(plan.scale * 2400 - EvidencePrinter.areaHeight) < 0.001)
    }

    @Test func aTallScreenshotIsSplitWithTheStatedOverlap() {
        let plan = EvidencePrinter.imagePlan(width: 1080, height: 12_000)
        #expect(plan.slices.count > 1)
        #expect(plan.slices.first?.lowerBound == 0 && plan.slices.last?.upperBound == 12_000)
        let overlap = EvidencePrinter.overlapMillimetres * 72 / 25.4
        for (earlier, later) in zip(plan.slices, plan.slices.dropFirst()) {
            #expect(abs((earlier.upperBound - later.lowerBound) * plan.scale - overlap) < 0.001, "\(earlier) \(later)")
        }
        #expect(plan.slices.allSatisfy { ($0.upperBound - $0.lowerBound) * plan.scale <= EvidencePrinter.areaHeight + 0.001 })
    }
}
