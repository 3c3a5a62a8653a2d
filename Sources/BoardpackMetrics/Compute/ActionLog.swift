import BoardpackContent
import BoardpackMarkdown
import BoardpackSupport
import Foundation

/// A task item of a note read as an action (SPEC §2.4): its text, and the owner and due date
/// written after a dash (`Approve the test — owner: Giulia Conti, due: 2026-10-15`).
package struct ActionItem: Sendable, Equatable {
    package var text: String
    package var owner: String?
    package var due: ISODate?
    package var done: Bool
    /// A due date that is not one (`due: 2026-13-01`), to report.
    var badDue: String?

    /// The text as items are matched from note to note: lower case, runs of white space as one.
    var key: String { text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Reads a task item's text.
    init(_ task: TaskItem) {
        done = task.done
        text = task.text.trimmingCharacters(in: .whitespaces)
        // The suffix: after the last ` — `, `—` or ` - ` that is followed by `owner` or `due`.
        var searchEnd = text.endIndex
        while let dash = Self.lastDash(in: text[..<searchEnd]) {
            let tail = text[dash.upperBound...].trimmingCharacters(in: .whitespaces)
            // `owner:` or `owner NAME`, `due:` or `due 2026-…`: a whole word, so that "due
            // diligence" and "ownership" stay the action's own text.
            guard Self.starts(tail, with: "owner") || Self.starts(tail, with: "due", digitAfter: true) else {
                searchEnd = dash.lowerBound
                continue
            }
            for part in tail.split(separator: ",") {
                let part = part.trimmingCharacters(in: .whitespaces)
                func value(after word: String) -> String {
                    part.dropFirst(word.count).trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.whitespaces))
                }
                if Self.starts(part, with: "owner") {
                    let name = value(after: "owner")
                    owner = name.isEmpty ? nil : name
                } else if Self.starts(part, with: "due") {
                    let date = value(after: "due")
                    due = ISODate(parsing: date)
                    if due == nil && !date.isEmpty { badDue = date }
                }
            }
            text = text[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
            break
        }
    }

    /// True when `text` starts with `word` as a whole word (followed by `:`, a space or the
    /// end; with `digitAfter`, `due 2026-…` needs its date).
    static func starts(_ text: String, with word: String, digitAfter: Bool = false) -> Bool {
        guard text.lowercased().hasPrefix(word) else { return false }
        let rest = text.dropFirst(word.count)
        guard let next = rest.first, next != ":" else { return true }
        guard next == " " else { return false }
        if digitAfter, let first = rest.drop(while: { $0 == " " }).first, !first.isNumber { return false }
        return true
    }

    static func lastDash(in text: Substring) -> Range<String.Index>? {
        [text.range(of: "—", options: .backwards), text.range(of: " - ", options: .backwards)].compactMap { $0 }.max {
            $0.lowerBound < $1.lowerBound
        }
    }
}

/// One line of a pack's action log.
package struct ActionEntry: Sendable, Equatable {
    package enum Status: String, Sendable { case open, overdue, done }

    package var text: String
    package var owner: String?
    package var due: ISODate?
    package var status: Status
    /// The period of the note that raised it.
    package var raisedIn: Period
    /// That note's path inside the unit (`notes/2026-09-decisions.md`).
    package var note: String
}

/// Every action of a unit's notes that a build shows, in the order the notes were written,
/// so that each pack can replay them up to its period (SPEC §2.4, §6 v2).
package struct ActionLedger: Sendable {
    struct Event: Sendable {
        var item: ActionItem
        var period: Period
        var note: String
        /// ``ActionItem/key``, worked out once: every pack replays every event.
        var key: String
    }

    /// Events by note: notes ordered by their period's last month, a month's notes before its
    /// quarter's, then as a pack orders them.
    var events: [Event] = []
    package var diagnostics: [Diagnostic] = []

    package init() {}

    /// The actions of `notes` that a build for `audience` shows (the others do not exist in it).
    package init(_ notes: [Note], audience: Note.Audience, includeDrafts: Bool) {
        // Sorted by index: a note is a large value to move around.
        let keys = notes.indices.filter {
            notes[$0].isVisible(to: audience, includeDrafts: includeDrafts) && Self.mayHoldTasks(notes[$0].body)
        }
        .map { i in (i, notes[i].period.lastMonth, notes[i].period.monthCount, notes[i].order, notes[i].fileName) }
        let visible = keys.sorted { ($0.1, $0.2, $0.3, $0.4) < ($1.1, $1.2, $1.3, $1.4) }.map { notes[$0.0] }
        for note in visible {
            let tasks = note.document(idPrefix: "actions").tasks
            let path = "notes/" + note.fileName
            for task in tasks {
                let item = ActionItem(task)
                // An item with nothing before its suffix is no action.
                guard !item.text.isEmpty else { continue }
                if let bad = item.badDue {
                    diagnostics.append(
                        .warning(
                            "`\(bad)` is not a due date (YYYY-MM-DD): the action has none",
                            at: SourceLocation(file: note.path, line: task.line)))
                }
                events.append(Event(item: item, period: note.period, note: path, key: item.key))
            }
        }
        // Within one period a check closes the action whatever the notes' order: open items
        // first, then checks (SPEC §2.4, "a note of a later or the same period").
        events = events.enumerated().sorted { a, b in
            (a.element.period.lastMonth, a.element.period.monthCount, a.element.item.done ? 1 : 0, a.offset)
                < (b.element.period.lastMonth, b.element.period.monthCount, b.element.item.done ? 1 : 0, b.offset)
        }.map(\.element)
    }

    /// The log of the pack of `period`: the actions open at its end (overdue when due before
    /// its last day) and those closed in it, by due date (none last), then text.
    package func log(for period: Period) -> [ActionEntry] {
        struct State {
            var entry: ActionEntry
            var closedIn: Period?
        }
        var states: [String: State] = [:]
        var order: [String] = []
        for event in events where event.period.lastMonth <= period.lastMonth {
            let key = event.key
            if var state = states[key], state.closedIn == nil {
                // Still open: a later note may give it an owner or a date, or close it.
                if let owner = event.item.owner { state.entry.owner = owner }
                if let due = event.item.due { state.entry.due = due }
                if event.item.done { state.closedIn = event.period }
                states[key] = state
                continue
            }
            if states[key] == nil { order.append(key) }
            let entry = ActionEntry(
                text: event.item.text, owner: event.item.owner, due: event.item.due, status: .open, raisedIn: event.period, note: event.note
            )
            states[key] = State(entry: entry, closedIn: event.item.done ? event.period : nil)
        }
        let months = Set(period.months)
        let end = ISODate(month: period.lastMonth, day: period.lastMonth.dayCount)
        var log: [(entry: ActionEntry, key: String)] = []
        for key in order {
            guard let state = states[key] else { continue }
            var entry = state.entry
            if let closed = state.closedIn {
                guard months.contains(closed.lastMonth) else { continue }
                entry.status = .done
            } else if let due = entry.due, due < end {
                entry.status = .overdue
            }
            log.append((entry, key))
        }
        return log.sorted { a, b in
            switch (a.entry.due, b.entry.due) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.key < b.key
            }
        }.map(\.entry)
    }

    /// True when a body has a line that may be a task item (`- [ ]`, `* [x]`, `1. [X]`): only
    /// such notes are read for actions (most notes have links, whose brackets are no tasks).
    static func mayHoldTasks(_ body: String) -> Bool {
        let all = body.utf8
        var utf8 = all[...]
        while let open = utf8.firstIndex(of: UInt8(ascii: "[")) {
            let rest = utf8[all.index(after: open)...]
            if let mark = rest.first, mark == 0x20 || mark == 0x78 || mark == 0x58, rest.dropFirst().first == UInt8(ascii: "]") {
                // The bracket follows a list marker and a space.
                let before = all[..<open].reversed().prefix { $0 != 0x0A }
                let marker = before.drop { $0 == 0x20 }.prefix { $0 != 0x20 && $0 != 0x09 }
                if before.first == 0x20, let m = marker.first, m == 0x2D || m == 0x2A || m == 0x2B || m == 0x2E || m == 0x29 { return true }
            }
            utf8 = rest
        }
        return false
    }
}
