import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct DeterminismTests {
    func read(_ dir: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: dir)!
        while let path = enumerator.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir)
            if !isDir.boolValue { result[path] = FileManager.default.contents(atPath: dir + "/" + path) }
        }
        return result
    }

    @Test func buildingTwiceAndFromAnotherPathGivesIdenticalBytes() throws {
        let notes = ["a.md": TestWorkspace.note("Note", body: "Value {{ kpi cac }}.\n\n| a | b |\n|---|--:|\n| 1 | 2 |")]
        let files = TestWorkspace.files(notes: notes)
        let first = try TestWorkspace.onDisk(files)
        let second = try TestWorkspace.onDisk(
            files, in: FileManager.default.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID().uuidString)/deeper").path)
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        func build(_ root: String, _ out: String) throws {
            _ = try BoardpackCommands.build(
                BuildOptions(contentPath: root + "/content", templatesPath: root + "/templates", outputPath: out))
        }
        try build(first, first + "/out1")
        try build(first, first + "/out2")
        try build(second, second + "/out")
        let a = try read(first + "/out1")
        #expect(a.count > 3)
        #expect(a == (try read(first + "/out2")))
        #expect(a == (try read(second + "/out")))
        let all = a.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!all.contains(first) && !all.contains(second), "no absolute path in the output")
    }
}
