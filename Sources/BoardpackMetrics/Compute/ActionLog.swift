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
            let lower = tail.lowercased()
            guard lower.hasPrefix("owner") || lower.hasPrefix("due") else {
                searchEnd = dash.lowerBound
                continue
            }
            for part in tail.split(separator: ",") {
                let part = part.trimmingCharacters(in: .whitespaces)
                let lower = part.lowercased()
                func value(after word: String) -> String {
                    part.dropFirst(word.count).trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.whitespaces))
                }
                if lower.hasPrefix("owner") {
                    owner = value(after: "owner")
                } else if lower.hasPrefix("due") {
                    let date = value(after: "due")
                    due = ISODate(parsing: date)
                    if due == nil { badDue = date }
                }
            }
            text = text[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
            break
        }
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
    }

    /// Events by note: notes ordered by their period's last month, a month's notes before its
    /// quarter's, then as a pack orders them.
    var events: [Event] = []
    package var diagnostics: [Diagnostic] = []

    package init() {}

    /// The actions of `notes` that a build for `audience` shows (the others do not exist in it).
    package init(_ notes: [Note], audience: Note.Audience, includeDrafts: Bool) {
        let visible = notes.filter { $0.isVisible(to: audience, includeDrafts: includeDrafts) && $0.body.contains("[") }
            .sorted { a, b in
                (a.period.lastMonth, a.period.monthCount, a.order, a.fileName) < (
                    b.period.lastMonth, b.period.monthCount, b.order, b.fileName
                )
            }
        for note in visible {
            let tasks = note.document(idPrefix: "actions").tasks
            let path = "notes/" + note.fileName
            for task in tasks {
                let item = ActionItem(task)
                if let bad = item.badDue {
                    diagnostics.append(
                        .warning(
                            "`\(bad)` is not a due date (YYYY-MM-DD): the action has none",
                            at: SourceLocation(file: note.path, line: task.line)))
                }
                events.append(Event(item: item, period: note.period, note: path))
            }
        }
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
            let key = event.item.key
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
        var log: [ActionEntry] = []
        for key in order {
            guard let state = states[key] else { continue }
            var entry = state.entry
            if let closed = state.closedIn {
                guard months.contains(closed.lastMonth) else { continue }
                entry.status = .done
            } else if let due = entry.due, due < end {
                entry.status = .overdue
            }
            log.append(entry)
        }
        return log.sorted { a, b in
            switch (a.due, b.due) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.text.lowercased() < b.text.lowercased()
            }
        }
    }
}
