import BoardpackContent
import BoardpackMarkdown
import BoardpackMetrics
import BoardpackPresentation
import BoardpackSupport
import FuzzSupport

/// libFuzzer target: a note's body through the Markdown importer (cmark-gfm to safe HTML with
/// placeholders), its ```chart blocks decoded as `NoteChart`, and the embeds put in place as a
/// pack page does (`NoteHTML.render`). The input is the body; a fixed front matter is added.
///
/// Besides not crashing, the HTML must stay safe: only the elements and attributes cmark-gfm
/// and boardpack write, no event handler, style or dangerous URL, every placeholder filled;
/// and keep SPEC §7's promises about embeds: a `{{ kpi }}` in an attribute (an image's alt
/// text) is plain text, an image whose URL was emptied is dropped, element ids are unique.
/// Every embed is positioned in the body.
enum FuzzEmbeds {
    static let path = "content/units/fuzz/notes/2026-10-fuzz.md"
    static let frontMatter = "---\ntitle: Fuzz\nperiod: 2026-10\nsection: summary\n---\n"
    static let dictionary = MetricsSetup.dictionary(from: nil).0
    static let knownKPIs = Set(dictionary.kpis.keys)
    static let knownMeasures = Set(dictionary.measures.keys)
    /// What a `{{ kpi }}` shows: plain text, escaped by `NoteHTML` (the tag must never appear).
    static let kpiText = "<x-kpi>&\"'"
    /// What a chart block becomes: trusted markup.
    static let chartHTML = "<figure class=\"fuzz-chart\"></figure>"

    static func run(_ input: [UInt8]) {
        let text = frontMatter + FuzzCheck.text(input[...])
        guard case let .success(note) = Note.parse(text: text, path: path) else {
            fatalError("a note with a valid front matter parses whatever its body")
        }
        let document = note.document(idPrefix: "note-0")
        FuzzCheck.diagnostics(document.diagnostics, path: path, source: text)
        checkPlaceholders(document)
        for task in document.tasks { FuzzCheck.require(task.line >= 6, "a task item is in the body: \(task)") }
        for block in document.charts {
            FuzzCheck.require(block.line >= 6, "a chart block is in the body: line \(block.line)")
            if case let .failure(d) = NoteChart.parse(block, path: path, knownKPIs: knownKPIs, knownMeasures: knownMeasures) {
                FuzzCheck.diagnostics([d], path: path, source: text)
            }
        }
        for reference in document.kpis {
            FuzzCheck.require(reference.line >= 6 && reference.column >= 1, "a {{ kpi }} is in the body: \(reference)")
        }
        let page = NoteHTML.render(note, document, kpi: { _, _ in kpiText }, chart: { _, _ in chartHTML })
        HTMLSafety.check(page.html, kpis: document.kpis.count, charts: document.charts.count)
    }

    /// Every placeholder in the imported HTML names an embed that exists, and the only
    /// private-use markers are the placeholders' (a note cannot smuggle one in).
    static func checkPlaceholders(_ document: RenderedMarkdown) {
        let parts = document.html.split(separator: Markdown.marker, omittingEmptySubsequences: false)
        FuzzCheck.require(parts.count % 2 == 1, "markers come in pairs")
        for (i, part) in parts.enumerated() where i % 2 == 1 {
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            FuzzCheck.require(fields.count == 2, "a placeholder is kind:index, not \(part)")
            let index = Int(fields[1]) ?? -1
            switch fields[0] {
            case "kpi": FuzzCheck.require(index >= 0 && index < document.kpis.count, "kpi placeholder \(index) in range")
            case "chart": FuzzCheck.require(index >= 0 && index < document.charts.count, "chart placeholder \(index) in range")
            default: FuzzCheck.require(false, "unknown placeholder \(part)")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEmbeds.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    @main enum Replay {
        static func main() { FuzzReplay.main("fuzz-embeds", FuzzEmbeds.run) }
    }
#endif
