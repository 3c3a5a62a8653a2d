import Foundation
import Testing

/// The walls of the house (Sources/README.md) that the compiler cannot keep by itself: the
/// presentation target reads the compute phase's values (`PackReport`, `UnitReport`) and
/// never calls the metrics engine or runs the playbooks.
@Suite struct HouseWallTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Each Swift file of `target` (of every target when empty), its comment lines blanked
    /// (line numbers kept), by its path inside the target.
    static func code(of target: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : String(line)
            }
            return (name, code.joined(separator: "\n"))
        }
    }

    /// What only the compute phase may call: the engine, its data and the judgement.
    static let engine = [
        "UnitMetrics", "Evaluator", "UnitData", "UnitModel", "CompiledMetrics", "CompiledPlaybooks", "Preparation",
        "PlaybookRun.run", "LeadershipVote.decide", "PackChange.between", "Commentary.", ".working(", "measureSeries(",
        ".evaluator(", "DataQuality.check", "KPIStatus.of",
    ]

    @Test func presentationCallsNoEngine() throws {
        let files = try Self.code(of: "BoardpackPresentation")
        #expect(files.count > 30)
        for (name, text) in files {
            for word in Self.engine {
                #expect(!text.contains(word), "BoardpackPresentation/\(name) uses \(word)")
            }
        }
    }

    @Test func theEngineWritesNoMarkup() throws {
        for target in ["BoardpackContent", "BoardpackMetrics"] {
            for (name, text) in try Self.code(of: target) {
                for tag in ["<p>", "<div", "<span", "<svg", "<td", "<table", "escapeHTML"] {
                    #expect(!text.contains(tag), "\(target)/\(name) writes \(tag)")
                }
            }
        }
    }
}
