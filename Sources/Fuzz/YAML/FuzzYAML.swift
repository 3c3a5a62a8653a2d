import BoardpackContent
import BoardpackMetrics
import BoardpackSupport
import FuzzSupport

/// libFuzzer target: the workspace's YAML files through `YAMLFile` (Yams), each decoded as
/// the loader decodes it. The first byte picks the file: `u` a `unit.yml`, `s` a
/// `boardpack.yml`, `m` a `metrics.yml` (merged into the built-in dictionary and compiled
/// when it decodes), `p` a playbook (merged into an empty registry when it parses); any other
/// byte picks one by its value. The rest is the file's text.
enum FuzzYAML {
    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let text = FuzzCheck.text(input.dropFirst())
        switch selector {
        case UInt8(ascii: "u"): unit(text)
        case UInt8(ascii: "s"): site(text)
        case UInt8(ascii: "m"): metrics(text)
        case UInt8(ascii: "p"): playbook(text)
        default: [unit, site, metrics, playbook][Int(selector) % 4](text)
        }
    }

    static func unit(_ text: String) {
        let path = "content/units/fuzz/unit.yml"
        switch YAMLFile.decodeTree(UnitConfig.self, from: text, path: path, lineOffset: 0) {
        case let .failure(error):
            FuzzCheck.require(!error.diagnostics.isEmpty, "a failed decoding says why")
            FuzzCheck.diagnostics(error.diagnostics, path: path, source: text)
        case let .success((config, _)):
            // Where the compute phase points diagnostics about a target (Preparation).
            for id in config.targets.keys.sorted() { _ = YAMLFile.location(of: ["targets", id], in: text, path: path) }
        }
    }

    static func site(_ text: String) {
        let path = "content/boardpack.yml"
        if case let .failure(error) = YAMLFile.decodeTree(SiteConfig.self, from: text, path: path, lineOffset: 0) {
            FuzzCheck.require(!error.diagnostics.isEmpty, "a failed decoding says why")
            FuzzCheck.diagnostics(error.diagnostics, path: path, source: text)
        }
    }

    static func metrics(_ text: String) {
        let path = "content/metrics.yml"
        let (dictionary, diagnostics) = MetricsSetup.dictionary(from: TextFile(path: path, text: text))
        FuzzCheck.diagnostics(diagnostics, path: path, source: text)
        guard !diagnostics.hasErrors else { return }
        let (_, compileDiagnostics) = CompiledMetrics.validate(dictionary)
        FuzzCheck.diagnostics(compileDiagnostics, path: path, source: text)
    }

    static func playbook(_ text: String) {
        let path = "content/playbooks/fuzz.yml"
        switch PlaybookFile.parse(text, path: path) {
        case let .failure(error):
            FuzzCheck.require(!error.diagnostics.isEmpty, "a failed parse says why")
            FuzzCheck.diagnostics(error.diagnostics, path: path, source: text)
        case let .success(file):
            var registry = PlaybookRegistry()
            FuzzCheck.diagnostics(registry.apply(file), path: path, source: text)
            for sector in PlaybookSector.allCases { _ = registry.playbook(for: sector) }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzYAML.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    @main enum Replay {
        static func main() { FuzzReplay.main("fuzz-yaml", FuzzYAML.run) }
    }
#endif
