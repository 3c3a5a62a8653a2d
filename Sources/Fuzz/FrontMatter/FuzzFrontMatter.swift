import BoardpackContent
import BoardpackMarkdown
import BoardpackSupport
import FuzzSupport

/// libFuzzer target: a whole note file (`notes/*.md`) through `Note.parse(text:path:)`: the
/// `---` split, the front matter's YAML and its validation; a note that parses has its body
/// read as Markdown too, as a build reads a visible note.
enum FuzzFrontMatter {
    static let path = "content/units/fuzz/notes/2026-10-fuzz.md"

    static func run(_ input: [UInt8]) {
        let text = FuzzCheck.text(input[...])
        switch Note.parse(text: text, path: path) {
        case let .failure(error):
            FuzzCheck.require(!error.diagnostics.isEmpty, "a note that does not parse says why")
            FuzzCheck.diagnostics(error.diagnostics, path: path, source: text)
        case let .success(note):
            FuzzCheck.require(note.fileName == "2026-10-fuzz.md", "the file name is the path's last part")
            FuzzCheck.diagnostics(
                [.error("period", at: note.periodLocation)], path: path, source: text)
            let document = note.document(idPrefix: "note-0")
            FuzzCheck.diagnostics(document.diagnostics, path: path, source: text)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzFrontMatter.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    @main enum Replay {
        static func main() { FuzzReplay.main("fuzz-frontmatter", FuzzFrontMatter.run) }
    }
#endif
