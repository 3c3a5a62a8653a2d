import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Test func monthParsesAndFormats() {
    #expect(Month(parsing: "2026-10")?.description == "2026-10")
    #expect(Month(parsing: "2026-13") == nil)
    #expect(Month(parsing: "26-10") == nil)
    #expect(Month(year: 2024, month: 2).dayCount == 29)
    #expect(Month(year: 2026, month: 1).advanced(by: -1).description == "2025-12")
}
