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

/// Compares `svg` byte for byte with `Golden/charts/<name>.svg` beside this file, and checks
/// the golden file is well-formed XML with `xmllint --noout`.
///
/// Run with `BOARDPACK_RECORD=1` to (re)write the golden files, then review them as a diff.
func assertGoldenSVG(
    _ svg: String, named name: String, filePath: String = #filePath,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/charts")
    let file = folder.appendingPathComponent("\(name).svg")
    if ProcessInfo.processInfo.environment["BOARDPACK_RECORD"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: file)
        } catch {
            Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
        }
    }
    guard let expected = try? Data(contentsOf: file) else {
        Issue.record("missing golden file \(file.path); run with BOARDPACK_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    if expected != Data(svg.utf8) {
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = svg.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(old, new)).firstIndex { $0 != $1 } ?? min(old.count, new.count)
        let want = line < old.count ? String(old[line]) : "<end of file>"
        let got = line < new.count ? String(new[line]) : "<end of file>"
        Issue.record(
            "\(name).svg differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(re-record with BOARDPACK_RECORD=1)",
            sourceLocation: sourceLocation)
    }
    checkWellFormed(file, sourceLocation: sourceLocation)
}

/// Fails unless `xmllint --noout` accepts the file; fails too when xmllint is not installed.
private func checkWellFormed(_ file: URL, sourceLocation: Testing.SourceLocation) {
    let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        Issue.record("xmllint not found (looked in \(candidates)); install libxml2-utils", sourceLocation: sourceLocation)
        return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["--noout", file.path]
    let errors = Pipe()
    process.standardError = errors
    do {
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Issue.record("xmllint rejects \(file.lastPathComponent):\n\(message)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("could not run xmllint: \(error)", sourceLocation: sourceLocation)
    }
}
