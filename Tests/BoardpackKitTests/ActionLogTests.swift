import Testing

@testable import BoardpackContent
@testable import BoardpackMarkdown
@testable import BoardpackMetrics

/// Actions carried from pack to pack (SPEC §2.4 v2), worked out by hand.
@Suite struct ActionLogTests {
    func note(_ period: String, _ body: String, audience: String = "board", file: String? = nil) throws -> Note {
        let path = "content/units/u/notes/\(file ?? "\(period)-decisions.md")"
        let text = "---\ntitle: T \(period)\nperiod: \(period)\nsection: decisions\naudience: \(audience)\n---\n\(body)\n"
        return try Note.parse(text: text, path: path).get()
    }

    func item(_ text: String) -> ActionItem { ActionItem(TaskItem(text: text, done: false, line: 1)) }

    @Test func theOwnerAndTheDueDateAfterADash() {
        let a = item("Approve the A/B test — owner: Giulia Conti, due: 2026-10-15")
        #expect(a.text == "Approve the A/B test" && a.owner == "Giulia Conti" && a.due?.description == "2026-10-15")
        let b = item("Cut paid social - due 2026-11-20")
        #expect(b.text == "Cut paid social" && b.owner == nil && b.due?.description == "2026-11-20")
        // A dash inside the text is the text's own; only the one before `owner`/`due` ends it.
        let c = item("Merge the two lists — web and stores — owner: CRM")
        #expect(c.text == "Merge the two lists — web and stores" && c.owner == "CRM" && c.due == nil)
        let d = item("Renew the contract - the long one")
        #expect(d.text == "Renew the contract - the long one" && d.owner == nil)
        let e = item("Fix it — due: 2026-13-01")
        #expect(e.due == nil && e.badDue == "2026-13-01")
        // Items are matched by their text whatever the case and the spaces.
        #expect(item("Approve  the a/b TEST — owner: X").key == a.key)
    }

    @Test func anActionIsCarriedUntilItIsChecked() throws {
        // Raised in September (due 15 October), repeated open in October with an owner,
        // checked in a November note.
        let notes = [
            try note("2026-09", "- [ ] Approve the A/B test — due: 2026-10-15\n- [ ] Brief the agency — due: 2026-11-30"),
            try note("2026-10", "- [ ] Approve the A/B test — owner: Board"),
            try note("2026-11", "- [x] approve the A/B test"),
        ]
        let ledger = ActionLedger(notes, audience: .board, includeDrafts: false)
        func log(_ p: String) -> [String] {
            ledger.log(for: Period(parsing: p)!).map { "\($0.text) \($0.status.rawValue) \($0.owner ?? "-") \($0.raisedIn)" }
        }
        #expect(log("2026-08") == [])
        // September ends before 15 October: open, both.
        #expect(log("2026-09") == ["Approve the A/B test open - 2026-09", "Brief the agency open - 2026-09"])
        // The quarter carries the September actions.
        #expect(log("2026-Q3") == ["Approve the A/B test open - 2026-09", "Brief the agency open - 2026-09"])
        // October: due 15 October, before the 31st: overdue, with the owner October gave it.
        #expect(log("2026-10") == ["Approve the A/B test overdue Board 2026-09", "Brief the agency open - 2026-09"])
        // November: closed in it; the other is still open (due 30 November is not before the end).
        #expect(log("2026-11") == ["Approve the A/B test done Board 2026-09", "Brief the agency open - 2026-09"])
        // December: the closed one is gone; the other is overdue.
        #expect(log("2026-12") == ["Brief the agency overdue - 2026-09"])
        // The fourth quarter: closed in it (November), and the other overdue at its end.
        #expect(log("2026-Q4") == ["Approve the A/B test done Board 2026-09", "Brief the agency overdue - 2026-09"])
    }

    @Test func anActionOfANoteTheBuildLeavesOutDoesNotExist() throws {
        // A board-only note is left out of a staff build, and its actions with it; a draft's
        // actions exist only in a build with drafts.
        let notes = [
            try note("2026-09", "- [ ] Everyone's chore — due: 2026-09-10", audience: "staff", file: "a.md"),
            try note("2026-09", "- [ ] Board matter — due: 2026-12-01", file: "b.md"),
            try Note.parse(
                text: "---\ntitle: D\nperiod: 2026-09\nsection: decisions\ndraft: true\n---\n- [ ] Draft idea\n",
                path: "content/units/u/notes/c.md"
            ).get(),
        ]
        let board = ActionLedger(notes, audience: .board, includeDrafts: false).log(for: Period(parsing: "2026-10")!)
        #expect(board.map(\.text) == ["Everyone's chore", "Board matter"])
        #expect(board.first?.status == .overdue)
        #expect(board.first?.note == "notes/a.md")
        let staff = ActionLedger(notes, audience: .staff, includeDrafts: false).log(for: Period(parsing: "2026-10")!)
        #expect(staff.map(\.text) == ["Everyone's chore"])
        let drafts = ActionLedger(notes, audience: .board, includeDrafts: true).log(for: Period(parsing: "2026-10")!)
        #expect(drafts.map(\.text) == ["Everyone's chore", "Board matter", "Draft idea"])
    }

    @Test func aBadDueDateIsAWarningAtItsLine() throws {
        let ledger = ActionLedger([try note("2026-09", "Text\n\n- [ ] Fix it — due: 2026-13-01")], audience: .board, includeDrafts: false)
        #expect(
            ledger.diagnostics.map(\.description) == [
                "content/units/u/notes/2026-09-decisions.md:9: warning: `2026-13-01` is not a due date (YYYY-MM-DD): the action has none"
            ])
    }

    @Test func onlyNotesWithTaskItemsAreReadForActions() {
        #expect(ActionLedger.mayHoldTasks("Intro\n\n- [ ] Approve"))
        #expect(ActionLedger.mayHoldTasks("  * [x] Done"))
        #expect(ActionLedger.mayHoldTasks("1. [X] Numbered"))
        #expect(!ActionLedger.mayHoldTasks("See [the plan](x.md) and [x] marks the spot"))
        #expect(!ActionLedger.mayHoldTasks("No brackets at all"))
    }

    @Test func theSuffixIsWholeWords() {
        // "due diligence" and "ownership" are the action's own words.
        let a = item("Vendor review - due diligence")
        #expect(a.text == "Vendor review - due diligence" && a.due == nil && a.badDue == nil)
        let b = item("Settle CRM ownership — ownership of CRM")
        #expect(b.text == "Settle CRM ownership — ownership of CRM" && b.owner == nil)
        // A bare `owner` or `due` names nobody and no date.
        let c = item("Fix it — owner")
        #expect(c.text == "Fix it" && c.owner == nil)
        let d = item("Fix it — due")
        #expect(d.text == "Fix it" && d.due == nil && d.badDue == nil)
    }

    @Test func aCheckClosesAnActionOfTheSamePeriodWhateverTheNotesOrder() throws {
        // Note a.md checks it, note b.md (later in order, same period) still lists it open.
        let notes = [
            try note("2026-10", "- [x] Foo", file: "a.md"), try note("2026-10", "- [ ] Foo — due: 2026-10-20", file: "b.md"),
            try note("2026-10", "- [ ] — owner: Nobody", file: "c.md"),
        ]
        let log = ActionLedger(notes, audience: .board, includeDrafts: false).log(for: Period(parsing: "2026-10")!)
        #expect(log.map(\.status) == [.done])
        #expect(log.map(\.text) == ["Foo"])
    }
}
