import Foundation
import Testing

@testable import BoardpackContent
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackSite
@testable import BoardpackSupport

/// SPEC §2 (strict YAML), §3.2 (id syntax), §6.1 (a site per client, guarded audiences) and §7
/// "Hostile input and the file system": one test per way a careless user or an attacker broke
/// an earlier build, each asserting the clear error (at its place) or the safe behaviour.
@Suite struct StrictSettingsTests {
    /// The diagnostics of loading `files` (nil workspace expected).
    func problems(_ files: [String: String]) -> [Diagnostic] {
        let (workspace, diagnostics) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(files))
        #expect(workspace == nil, "the workspace must not load")
        return diagnostics
    }

    func only(_ diagnostics: [Diagnostic], containing text: String) -> Diagnostic? {
        diagnostics.first { $0.message.contains(text) }
    }

    @Test func aMisspeltDraftKeyIsAnErrorAtTheKeyWithASuggestion() throws {
        for typo in ["darft", "drafts"] {
            let note = TestWorkspace.note("Plan", body: "Body.").replacingOccurrences(of: "draft: false", with: "\(typo): true")
            let found = problems(TestWorkspace.files(notes: ["2026-10-plan.md": note]))
            let d = try #require(only(found, containing: "unknown key `\(typo)`"))
            #expect(d.message.contains("did you mean `draft`?"))
            #expect(d.location == SourceLocation(file: "content/units/acme/notes/2026-10-plan.md", line: 6, column: 1))
        }
    }

    @Test func aMisspeltConfidentialityIsAnErrorAndTheMarkingIsRequired() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML.replacingOccurrences(
            of: "confidentiality:", with: "confidentialty:")
        let found = problems(files)
        let typo = try #require(only(found, containing: "unknown key `confidentialty`"))
        #expect(typo.message.contains("did you mean `confidentiality`?"))
        #expect(typo.location?.line == 6 && typo.location?.column == 1)
        #expect(only(found, containing: "missing required key `confidentiality`") != nil)
    }

    @Test func requiredUnitKeysAreNamed() {
        var files = TestWorkspace.files()
        files["content/units/acme/unit.yml"] = "name: Acme\nsector: retail\nconfidentiality: Board\n"
        #expect(only(problems(files), containing: "missing required key `currency`") != nil)
    }

    @Test func unknownSiteAndMetricKeysAreErrors() throws {
        var files = TestWorkspace.files()
        files["content/boardpack.yml"] = "title: Packs\narchive_month: 3\n"
        files["content/metrics.yml"] = "kpis:\n  cpl: {formular: spend / leads}\n"
        let found = problems(files)
        let site = try #require(only(found, containing: "unknown key `archive_month`"))
        #expect(site.message.contains("`archive_months`") && site.location?.line == 2)
        let metric = try #require(only(found, containing: "unknown key `formular`"))
        #expect(metric.message.contains("`formula`") && metric.location?.file == "content/metrics.yml")
    }

    @Test func aValueOfTheWrongTypeNamesTheExpectedOne() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML + "\ntolerance: high\n"
        let d = try #require(only(problems(files), containing: "`tolerance`"))
        #expect(d.message.contains("should be a number"))
    }

    @Test func nonFiniteTolerancesAndTargetsAreErrors() throws {
        for extra in ["tolerance: .nan", "targets: {cac: .inf}", "targets: {cac: [{from: 2026-01, value: -.inf}]}"] {
            var files = TestWorkspace.files()
            files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML + "\n" + extra + "\n"
            let found = problems(files)
            #expect(found.contains { $0.message.contains("finite number") && $0.location?.line == 8 }, "\(extra): \(found)")
        }
    }

    @Test func aMisspeltScopeOrSectorInMetricsIsAnError() throws {
        var files = TestWorkspace.files()
        files["content/metrics.yml"] = "kpis:\n  cpl: {scope: unti}\n"
        #expect(only(problems(files), containing: "`scope` must be unit or none, not `unti`")?.location?.line == 2)
        files["content/metrics.yml"] = "kpis:\n  cpc: {sectors: [retial]}\n"
        #expect(only(problems(files), containing: "unknown sector `retial`")?.location?.line == 2)
    }

    @Test func kpiAndMeasureIdsFollowTheSyntax() throws {
        var files = TestWorkspace.files()
        files["content/metrics.yml"] =
            "measures:\n  Demo-Requests: {aggregation: sum}\nkpis:\n  cac2: {formula: spend / new_customers}\n  CAC-2: {formula: spend}\n"
        let found = problems(files)
        #expect(only(found, containing: "measure id `Demo-Requests`")?.location?.line == 2)
        #expect(only(found, containing: "KPI id `CAC-2`")?.location?.line == 5)
        #expect(only(found, containing: "`cac2`") == nil)
    }

    @Test func aYAMLAliasBombIsAnErrorAtTheAlias() throws {
        var lines = ["title: x", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1..<10 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        var files = TestWorkspace.files()
        files["content/boardpack.yml"] = lines.joined(separator: "\n") + "\n"
        let d = try #require(only(problems(files), containing: "expands past 100000 nodes"))
        // 1 + 10 + 110 + 1,110 + 11,110 nodes by the end of line 5; line 6 passes 100,000 at its ninth alias.
        #expect(d.location == SourceLocation(file: "content/boardpack.yml", line: 6, column: 45))
        // A few aliases within the limit still read.
        #expect(YAMLAliasLimit.excess(in: "a: &x [1, 2]\nb: *x\nc: *x\n") == nil)
    }

    @Test func aNonUTF8SettingsFileIsPositionedAtItsFirstBadByte() throws {
        var bytes = TestWorkspace.files().mapValues { Array($0.utf8) }
        bytes["content/boardpack.yml"] = Array("title: Packs\nlocale: en-GB # caf".utf8) + [0xE9] + Array("\n".utf8)
        let (_, found) = BoardpackCommands.load(contentPath: "content", fileSystem: InMemoryFileSystem(bytes: bytes))
        let d = try #require(found.first { $0.message.contains("not valid UTF-8") })
        #expect(d.location == SourceLocation(file: "content/boardpack.yml", line: 2, column: 20))
    }

    @Test func aDimensionNamedLikeAMeasureIsAnError() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/unit.yml"] = TestWorkspace.unitYAML.replacingOccurrences(
            of: "dimensions: [channel, store]", with: "dimensions: [channel, spend]")
        let d = try #require(only(problems(files), containing: "`spend` is a measure, not a dimension"))
        #expect(d.location?.file == "content/units/acme/unit.yml" && d.location?.line == 7)
    }

    @Test func aPaddedDimensionValueIsAnErrorAtItsCell() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/data/channels.csv"] = TestWorkspace.channelsCSV.replacingOccurrences(
            of: "2026-09,search,", with: "2026-09, search ,")
        let d = try #require(only(problems(files), containing: "` search ` has leading spaces"))
        #expect(d.location == SourceLocation(file: "content/units/acme/data/channels.csv", line: 4, column: 9))
    }

    @Test func upperCaseExtensionsAreRead() throws {
        var files = TestWorkspace.files(notes: ["2026-10-loud.MD": TestWorkspace.note("Loud note", body: "Shouted.")])
        files["content/units/acme/data/extra.CSV"] = "month,overhead\n2026-10,300\n"
        let site = try TestWorkspace.build(files)
        let page = try #require(site.text("acme/2026-10/index.html"))
        #expect(page.contains("Loud note") && page.contains("extra.CSV"))
    }

    @Test func controlCharactersInContentAreWrittenOutInDiagnostics() throws {
        var files = TestWorkspace.files()
        files["content/units/acme/data/channels.csv"] = TestWorkspace.channelsCSV.replacingOccurrences(
            of: "2026-09,search,1200", with: "2026-09,search,\u{1B}[31m1200")
        let d = try #require(problems(files).first { $0.message.contains("is not a number") })
        let csv = files["content/units/acme/data/channels.csv"]
        let printed = DiagnosticPrinter(colour: false) { _ in csv }.format(d)
        #expect(!printed.unicodeScalars.contains("\u{1B}") && printed.contains("\\x1b[31m1200"))
        #expect(!d.description.unicodeScalars.contains("\u{1B}"))
        // The caret stays under the cell: the escape is as wide as it is printed.
        let lines = printed.split(separator: "\n")
        #expect(lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) } == 2 + 15)
    }

    @Test func aNoteWhosePeriodHasNoPackIsAWarning() throws {
        let files = TestWorkspace.files(notes: ["2024-01-old.md": TestWorkspace.note("Old", period: "2024-01", body: "Old.")])
        let fs = InMemoryFileSystem(files)
        let diagnostics = BoardpackCommands.check(contentPath: "content", templatesPath: "templates", fileSystem: fs)
        let d = try #require(diagnostics.first { $0.message.contains("has no pack") })
        #expect(d.severity == .warning && d.location?.file == "content/units/acme/notes/2024-01-old.md" && d.location?.line == 3)
    }
}

@Suite struct FormulaLimitTests {
    @Test func deepNestingIsAPositionedErrorNotACrash() throws {
        let text = String(repeating: "(", count: 3000) + "spend" + String(repeating: ")", count: 3000)
        #expect(throws: FormulaError.self) { try FormulaParser.parse(text) }
        do {
            _ = try FormulaParser.parse(text)
        } catch {
            #expect(error.message.contains("nested too deeply") && error.offset == FormulaParser.maxDepth + 1)
        }
        // 64 levels still parse.
        _ = try FormulaParser.parse(String(repeating: "(", count: 63) + "spend" + String(repeating: ")", count: 63))
    }

    @Test func aVeryLongFormulaIsAnErrorAtTheTokenPastTheLimit() {
        let text = Array(repeating: "spend", count: 30_000).joined(separator: " + ")
        do {
            _ = try FormulaParser.parse(text)
            Issue.record("a 60,000-token formula parsed")
        } catch {
            #expect(error.message.contains("too long") && error.offset == 5_000 * 8)
        }
    }

    @Test func aLongChainOfOperatorsCountsAsDepth() {
        let text = Array(repeating: "spend", count: 200).joined(separator: " + ")
        #expect(throws: FormulaError.self) { try FormulaParser.parse(text) }
    }

    @Test func aChainOfFourHundredDependentKPIsEvaluates() throws {
        var metrics = "kpis:\n  k0: {formula: spend, unit: currency, better: lower, level: operational, label: K0}\n"
        for i in 1..<400 {
            metrics += "  k\(i): {formula: k\(i - 1) + 1, unit: currency, better: lower, level: operational, label: K\(i)}\n"
        }
        let files = TestWorkspace.files(extra: ["content/metrics.yml": metrics])
        let site = try TestWorkspace.build(files)
        let json = try #require(site.text("acme/2026-10/metrics.json"))
        // October's spend is 1300 + 700 = 2000: k399 = 2000 + 399.
        #expect(json.contains("\"k399\": {") && json.contains("\"value\": 2399"))
    }
}

@Suite struct NoteMarkupTests {
    @Test func aKPIValueInAltTextIsPlainText() throws {
        let note = TestWorkspace.note("Alt", body: "![CPL {{ kpi cpl }}\" onerror=\"x](data:image/png;base64,AAAA)\n")
        let site = try TestWorkspace.build(TestWorkspace.files(notes: ["2026-10-alt.md": note]))
        let page = try #require(site.text("acme/2026-10/index.html"))
        let img = try #require(page.range(of: "<img ").map { page[$0.lowerBound...].prefix { $0 != ">" } })
        #expect(!img.contains("<span") && img.contains("alt=\"CPL €9.52&quot; onerror=&quot;x\""), "\(img)")
    }

    @Test func anImageWhoseURLWasEmptiedIsDropped() throws {
        let note = TestWorkspace.note("Img", body: "Before ![x](javascript:alert(1)) after ![y](vbscript:msgbox) end.\n")
        let site = try TestWorkspace.build(TestWorkspace.files(notes: ["2026-10-img.md": note]))
        let page = try #require(site.text("acme/2026-10/index.html"))
        #expect(!page.contains("<img") && page.contains("Before  after  end."))
    }

    @Test func aKPIReferenceJustBeforeATableKeepsItsPosition() {
        // cmark-gfm's table extension leaves that paragraph without a source position (found by fuzz-embeds).
        let doc = Markdown.render("First line.\nintro {{ kpi cac }}\n| a |\n|---|\n", path: "n.md", firstLine: 9, idPrefix: "note-0")
        #expect(doc.kpis.map { "\($0.line):\($0.column)" } == ["10:7"])
    }

    @Test func elementIdsAreUniqueWhateverTheNoteFileNames() throws {
        let chart = "```chart\ntype: line\nkpis: [cpl]\nperiods: 3\n```\n"
        let notes = [
            "2026-10-résumé.md": TestWorkspace.note("A", body: chart), "2026-10-résume.md": TestWorkspace.note("B", body: chart),
            "2026-10-a.md": TestWorkspace.note("C", body: chart), "2026-10-a.MD": TestWorkspace.note("D", body: chart),
        ]
        let site = try TestWorkspace.build(TestWorkspace.files(notes: notes))
        let page = try #require(site.text("acme/2026-10/index.html"))
        var ids: [Substring: Int] = [:]
        var rest = page[...]
        while let r = rest.range(of: " id=\"") {
            let id = rest[r.upperBound...].prefix { $0 != "\"" }
            ids[id, default: 0] += 1
            rest = rest[r.upperBound...]
        }
        #expect(ids.count > 8)
        #expect(ids.filter { $0.value > 1 }.isEmpty, "duplicate ids: \(ids.filter { $0.value > 1 })")
        #expect(page.contains("id=\"note-2026-10-a-0"), "a plain ASCII .md name keeps its readable id")
    }
}

@Suite struct ContentFileSystemTests {
    func workspace() throws -> String { try TestWorkspace.onDisk(TestWorkspace.files()) }

    func check(_ root: String, maxFileSize: Int = DiskFileSystem.defaultMaxFileSize) -> [Diagnostic] {
        BoardpackCommands.check(contentPath: root + "/content", templatesPath: root + "/templates", maxFileSize: maxFileSize)
    }

    @Test func aFIFOIsAnErrorNotAHang() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fifo = root + "/content/units/acme/data/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let d = try #require(check(root).first { $0.location?.file == fifo })
        #expect(d.severity == .error && d.message.contains("is a FIFO"))
    }

    @Test func aLinkOutOfTheWorkspaceIsNeverRead() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let secret = root + "/secret.csv"
        try "month,spend\n2026-10,root:x:0:0\n".write(toFile: secret, atomically: false, encoding: .utf8)
        let link = root + "/content/units/acme/data/leak.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: root + "/content/units/acme/data/zero.csv", withDestinationPath: "/dev/zero")
        let found = check(root)
        let d = try #require(found.first { $0.location?.file == link })
        #expect(d.message.contains("leads outside the workspace"))
        #expect(!found.contains { $0.description.contains("root:x") }, "the linked file's content must not be printed")
        #expect(found.contains { $0.location?.file == root + "/content/units/acme/data/zero.csv" && $0.severity == .error })
        // A link that stays inside the workspace is fine.
        try FileManager.default.removeItem(atPath: link)
        try FileManager.default.removeItem(atPath: root + "/content/units/acme/data/zero.csv")
        try FileManager.default.moveItem(atPath: root + "/content/units/acme/data/channels.csv", toPath: root + "/content/channels.csv")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/content/units/acme/data/channels.csv", withDestinationPath: "../../../channels.csv")
        #expect(!check(root).contains { $0.severity == .error })
    }

    @Test func aFileOverTheSizeLimitIsNotRead() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let big = root + "/content/units/acme/data/big.csv"
        try ("month,overhead\n" + String(repeating: "2026-10,1\n", count: 1000)).write(toFile: big, atomically: false, encoding: .utf8)
        let d = try #require(check(root, maxFileSize: 4096).first { $0.message.contains("over the 4096-byte limit") })
        #expect(d.location?.file == big)
    }
}

@Suite struct SitePerClientTests {
    static func twoUnits(portfolio: Bool = true) -> [String: String] {
        var files = TestWorkspace.files()
        files["content/units/globex/unit.yml"] = TestWorkspace.unitYAML.replacingOccurrences(of: "Acme Foods S.p.A.", with: "Globex Bank")
            .replacingOccurrences(of: "sector: retail", with: "sector: banking")
        files["content/units/globex/data/channels.csv"] = TestWorkspace.channelsCSV
        if !portfolio { files["content/boardpack.yml"]! += "portfolio: false\n" }
        return files
    }

    @Test func aUnitsFolderNamesNoOtherUnitAndLinksNowhereOutside() throws {
        let site = try TestWorkspace.build(Self.twoUnits())
        for (path, bytes) in site.files where path.hasPrefix("acme/") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Globex") && !text.contains("globex"), "\(path) names the other unit")
            #expect(!text.contains("href=\"../../index.html\"") && !text.contains("href=\"../../../"), "\(path) links out of the unit")
        }
        let pack = try #require(site.text("acme/2026-10/index.html"))
        #expect(pack.contains("<nav class=\"crumbs\" aria-label=\"breadcrumb\"><a href=\"../index.html\">Acme Foods S.p.A.</a> ›"))
        let portfolio = try #require(site.text("index.html"))
        #expect(portfolio.contains("Globex Bank") && portfolio.contains("Acme Foods S.p.A."))
        #expect(portfolio.contains("<ul class=\"attention\">") || portfolio.contains("class=\"attention-none\""))
    }

    @Test func thePortfolioCanBeLeftOut() throws {
        let site = try TestWorkspace.build(Self.twoUnits(portfolio: false))
        #expect(site.files["index.html"] == nil && site.files["acme/index.html"] != nil)
    }
}

@Suite struct OutputGuardTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("bp-guard-\(UUID().uuidString)").path

    func site(_ text: String) -> Site {
        var site = Site()
        site.add("index.html", text)
        site.add("acme/index.html", "unit \(text)")
        return site
    }

    func writer(_ audience: String = "board", drafts: Bool = false, force: Bool = false) -> SiteWriter {
        SiteWriter(outputPath: root + "/out", edition: .init(audience: audience, drafts: drafts), force: force)
    }

    @Test func aSymbolicLinkAsOutputIsRefusedAndWhatItPointsToKept() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("one"))
        try FileManager.default.createDirectory(atPath: root + "/published/keep", withIntermediateDirectories: true)
        try "mine".write(toFile: root + "/published/keep/file.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/site", withDestinationPath: root + "/published")
        #expect(throws: UsageError.self) { try SiteWriter(outputPath: root + "/site").write(site("two")) }
        #expect(try String(contentsOfFile: root + "/published/keep/file.txt", encoding: .utf8) == "mine")
    }

    @Test func hiddenEntriesAreCarriedIntoTheNewSite() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("one"))
        try FileManager.default.createDirectory(atPath: root + "/out/.git", withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(toFile: root + "/out/.git/HEAD", atomically: false, encoding: .utf8)
        try writer().write(site("two"))
        #expect(try String(contentsOfFile: root + "/out/.git/HEAD", encoding: .utf8) == "ref: refs/heads/main\n")
        #expect(writer().existingSite() == site("two"))
    }

    @Test func aLeftoverStagingFolderGivesBackWhatItCarried() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("one"))
        // A build killed after the swap left the replaced site, with the published `.git`, beside the output.
        let leftover = root + "/.out.boardpack-staging-99999"
        try FileManager.default.createDirectory(atPath: leftover + "/.git", withIntermediateDirectories: true)
        try "x".write(toFile: leftover + "/.git/HEAD", atomically: false, encoding: .utf8)
        try writer().write(site("two"))
        #expect(FileManager.default.fileExists(atPath: root + "/out/.git/HEAD"))
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test func aSiteMovedAsideByAKilledFallbackSwapComesBackWithItsHiddenEntries() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("one"))
        try FileManager.default.createDirectory(atPath: root + "/out/.git", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/out/.git/HEAD", atomically: false, encoding: .utf8)
        // Killed between `out` → `…-old-<pid>` and staging → `out`: no output folder at all.
        try FileManager.default.moveItem(atPath: root + "/out", toPath: root + "/.out.boardpack-staging-old-4242")
        try FileManager.default.createDirectory(atPath: root + "/.out.boardpack-staging-4242", withIntermediateDirectories: true)
        try writer().write(site("two"))
        #expect(try String(contentsOfFile: root + "/out/.git/HEAD", encoding: .utf8) == "x")
        #expect(writer().existingSite() == site("two"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test func aFileTheManifestDoesNotListIsNamedAndKeptUnlessForced() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("one"))
        try "board minutes".write(toFile: root + "/out/acme/minutes.txt", atomically: false, encoding: .utf8)
        do {
            try writer().write(site("two"))
            Issue.record("the build replaced a folder holding a file it did not write")
        } catch let error as UsageError {
            #expect(error.description.contains("out/acme/minutes.txt") && error.description.contains("--force"))
        }
        #expect(FileManager.default.fileExists(atPath: root + "/out/acme/minutes.txt") && writer().existingSite() == site("one"))
        try writer(force: true).write(site("two"))
        #expect(writer().existingSite() == site("two"))
    }

    @Test func aListedPageReplacedByALinkIsNotCarriedIntoASubsetBuild() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("one"))
        try "secret".write(toFile: root + "/secret.txt", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/out/acme/index.html")
        try FileManager.default.createSymbolicLink(atPath: root + "/out/acme/index.html", withDestinationPath: root + "/secret.txt")
        let kept = writer().existingSite()
        #expect(kept.files["acme/index.html"] == nil && kept.files["index.html"] == Array("one".utf8))
    }

    @Test func aBuildForAnotherAudienceOrDraftsSettingIsRefusedUnlessForced() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("board"))
        for (audience, drafts) in [("staff", false), ("board", true)] {
            do {
                try writer(audience, drafts: drafts).write(site("other"))
                Issue.record("a \(audience) build replaced the board's site")
            } catch let error as UsageError {
                #expect(error.description.contains("audience board, no drafts") && error.description.contains("--force"))
            }
            #expect(writer().existingSite() == site("board"))
        }
        try writer("staff", force: true).write(site("staff"))
        #expect(writer().existingSite() == site("staff"))
        // Now a board build (a `--unit … --period …` rebuild without `--audience`) is the stranger.
        #expect(throws: UsageError.self) { try writer().write(site("board")) }
    }

    @Test func aSubsetBuildNeverRelabelsPacksOfAnotherEditionEvenWithForce() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writer().write(site("board"))
        var subset = writer("staff", force: true)
        subset.keepsOthers = true
        #expect(throws: UsageError.self) { try subset.write(site("staff")) }
        #expect(writer().existingSite() == site("board"))
        // A site whose edition was never recorded is not relabelled either.
        try SiteWriter(outputPath: root + "/legacy").write(site("old"))
        var legacy = SiteWriter(outputPath: root + "/legacy", edition: .init(audience: "board", drafts: false), keepsOthers: true)
        #expect(throws: UsageError.self) { try legacy.write(site("new")) }
        legacy.keepsOthers = false
        try legacy.write(site("new"))
    }

    @Test func aSiteMovedAsideWithoutAManifestComesBackToo() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        // `git init out`, then a fallback swap killed between its renames.
        try FileManager.default.createDirectory(atPath: root + "/.out.boardpack-staging-old-4242/.git", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/.out.boardpack-staging-old-4242/.git/HEAD", atomically: false, encoding: .utf8)
        try writer().write(site("one"))
        #expect(FileManager.default.fileExists(atPath: root + "/out/.git/HEAD"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test func theCommandLineRecordsTheEditionAndRefusesAStaffBuildOverTheBoardsSite() throws {
        let workspace = try TestWorkspace.onDisk(TestWorkspace.files())
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        var options = BuildOptions(
            contentPath: workspace + "/content", templatesPath: workspace + "/templates", outputPath: workspace + "/output")
        _ = try BoardpackCommands.build(options)
        let manifest = try String(contentsOfFile: workspace + "/output/.boardpack-manifest", encoding: .utf8)
        #expect(manifest.hasPrefix("boardpack site manifest 1\naudience board\ndrafts no\n"))
        options.audience = .staff
        #expect(throws: UsageError.self) { try BoardpackCommands.build(options) }
        options.force = true
        _ = try BoardpackCommands.build(options)
        #expect(try String(contentsOfFile: workspace + "/output/.boardpack-manifest", encoding: .utf8).contains("audience staff\n"))
        // A `--unit … --period …` rebuild without `--audience` would drop board notes into the staff site.
        options.audience = .board
        options.units = ["acme"]
        options.periods = [.month(Month(year: 2026, month: 10))]
        #expect(throws: UsageError.self) { try BoardpackCommands.build(options) }
    }
}

@Suite struct PreviewServerGuardTests {
    @Test func onlyALocalHostWithThePortIsAnswered() throws {
        let root = try TestWorkspace.onDisk(["out/index.html": "home", "out/acme/index.html": "unit"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        func status(_ head: String) -> Int { PreviewServer.respond(to: head, root: root + "/out", port: 8123).status }
        for host in ["127.0.0.1:8123", "localhost:8123", "[::1]:8123", "LOCALHOST:8123"] {
            #expect(status("GET / HTTP/1.1\r\nHost: \(host)") == 200, "\(host)")
        }
        for host in ["evil.example:8123", "127.0.0.1", "127.0.0.1:80", "localhost.evil.example:8123"] {
            #expect(status("GET / HTTP/1.1\r\nHost: \(host)") == 421, "\(host)")
        }
        #expect(status("GET / HTTP/1.1\r\nAccept: */*") == 421, "no Host")
        #expect(status("GET /acme HTTP/1.1\r\nHost: 127.0.0.1:8123") == 301)
        let redirect = PreviewServer.respond(to: "GET //acme HTTP/1.1\r\nHost: 127.0.0.1:8123", root: root + "/out", port: 8123)
        #expect(redirect.status == 301 && redirect.headers.contains { $0.0 == "Location" && $0.1 == "/acme/" }, "never //host")
        #expect(PreviewServer.respond(to: "GET / HTTP/1.1\r\nHost: localhost", root: root + "/out", port: 80).status == 200)
        #expect(status("GET /nowhere/ HTTP/1.1\r\nHost: 127.0.0.1:8123") == 404)
        #expect(status("GET /../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:8123") == 404)
    }

    @Test func aRequestLineOver8KiBIsRefusedAtOnce() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer { close(fds[0]) }
        let request = Array(("GET /" + String(repeating: "a", count: 9000)).utf8)
        // No end of line yet: the server must answer from the first 8 KiB alone.
        _ = request.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        guard case let .failure(refusal) = PreviewServer.readHead(fds[0]) else {
            Issue.record("an over-long request line was read")
            return
        }
        #expect(refusal.status == 414)
        close(fds[1])
    }

    @Test func aWholeOverlongHeadInOneReadIsRefusedToo() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer { close(fds[0]) }
        let request = Array(("GET / HTTP/1.1\r\nHost: 127.0.0.1:8123\r\nX-Pad: " + String(repeating: "a", count: 10_000) + "\r\n\r\n").utf8)
        _ = request.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        guard case let .failure(refusal) = PreviewServer.readHead(fds[0]) else {
            Issue.record("a 10 KiB request head was read")
            return
        }
        #expect(refusal.status == 431)
        close(fds[1])
    }

    @Test func draftsArePreviewedOutsideTheOutputFolder() {
        let board = BuildOptions(outputPath: "output")
        #expect(PreviewServer.previewOptions(board).outputPath == "output")
        let drafts = BuildOptions(outputPath: "output", includeDrafts: true)
        let preview = PreviewServer.previewOptions(drafts)
        #expect(preview.outputPath != "output" && preview.outputPath.hasPrefix(FileManager.default.temporaryDirectory.path))
    }
}
