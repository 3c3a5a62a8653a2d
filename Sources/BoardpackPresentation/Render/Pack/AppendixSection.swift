import BoardpackContent
import BoardpackFormat
import BoardpackMetrics

/// The appendix: every KPI's definition and formula, the data behind each chart, and the
/// data files read with their SHA-256 — the provenance a board secretary signs off.
enum AppendixSection {
    static func render(
        _ ctx: PackContext, chartTables: [(title: String, table: ChartDataTable)], notesHTML: HTMLBuffer, findings: [DataQualityFinding]
    ) -> SectionOutput {
        var html = HTMLBuffer(capacity: 65_536)
        html += notesHTML
        html += "<h3>\(ctx.locale.label("definitions_and_the_working"))</h3>\n"
        html +=
            "<p class=\"legend\">\(ctx.locale.label("each_kpis_formula_with_this"))</p>\n"
        html += "<dl class=\"definitions\">\n"
        // One closure for every KPI: each capture would copy the whole context.
        let valueText = { (id: String, value: Double?) in inputText(ctx, id, value) }
        let display = ctx.report.display
        for kpi in ctx.report.unit.applicableKPIs {
            html += "<div id=\"def-"
            html.appendEscaped(kpi.id)
            html += "\"><dt>"
            html.appendEscaped(kpi.label.text(for: ctx.locale.rawValue))
            html += " <code>"
            html.appendEscaped(kpi.id)
            html += "</code></dt><dd>"
            html.appendEscaped(kpi.definition.text(for: ctx.locale.rawValue))
            if let working = ctx.report.workings[kpi.id] {
                html += "<br><code class=\"working\">"
                let id = kpi.id
                html.appendEscaped(working.line(valueText: valueText) { display.text(id, $0) })
            } else {
                html += "<br><code>"
                html.appendEscaped(kpi.id)
                html += " = "
                html.appendEscaped(kpi.formula)
            }
            html += "</code>"
            if kpi.id == "clv" {
                html += "<br>"
                html.appendEscaped(
                    ctx.locale.label(
                        "clv_working_note", ["lifetime": ctx.formatter.months(ctx.report.unit.lifetimeMonths, fractionDigits: 0)]))
            }
            html += "</dd></div>\n"
        }
        html += "</dl>\n"
        setAside(into: &html, ctx)
        checks(into: &html, ctx)
        dataQuality(into: &html, ctx, findings)
        if !chartTables.isEmpty {
            // On paper the charts' numbers are in their descriptions and the web edition: the
            // tables are a board book's longest part (SPEC §6 v2, board length).
            html += "<p class=\"print-only legend\">\(ctx.label("chart_data_in_web_edition"))</p>\n"
            html += "<div class=\"chart-data-tables\">\n"
            html += "<h3>\(ctx.locale.label("chart_data"))</h3>\n"
            for (title, table) in chartTables {
                PackHTML.table(
                    into: &html, caption: .text(title), headers: table.headers.map(PackHTML.Cell.text),
                    rows: table.rows.map { $0.map(PackHTML.Cell.text) }, numeric: Set(1..<max(1, table.headers.count)),
                    classes: "data chart-data")
            }
            html += "</div>\n"
        }
        dataFiles(into: &html, ctx)
        return SectionOutput(html: html)
    }

    /// The playbook's checks in one sentence (SPEC §6 v2, board length): how many spoke, how
    /// many were not triggered, how many lacked data; the rule ids stay in the markup.
    static func checks(into html: inout HTMLBuffer, _ ctx: PackContext) {
        guard let results = ctx.report.playbook?.results, !results.isEmpty else { return }
        let ok = results.filter { $0.status == .ok }, na = results.filter { $0.status == .na }
        func ids(_ rs: [RuleResult]) -> String { rs.map { r in r.subject.map { "\(r.ruleID):\($0)" } ?? r.ruleID }.joined(separator: " ") }
        html += "<h3>\(ctx.label("playbook_checks"))</h3>\n"
        html += "<p class=\"rules-summary\" data-rules-ok=\"\(ids(ok))\" data-rules-na=\"\(ids(na))\">"
        html.appendEscaped(
            ctx.label(
                "playbook_checks_sentence",
                [
                    "total": ctx.formatter.count(Double(results.count)),
                    "shown": ctx.formatter.count(Double(results.filter(\.isShown).count)),
                    "ok": ctx.formatter.count(Double(ok.count)), "na": ctx.formatter.count(Double(na.count)),
                    "set_aside": ctx.formatter.count(Double(results.filter { $0.status == .suppressed }.count)),
                    "section": ctx.label("playbook"),
                ]))
        html += "</p>\n"
    }

    /// The playbook's verdicts that fired but are not shown, each with the reason (SPEC §5.5).
    static func setAside(into html: inout HTMLBuffer, _ ctx: PackContext) {
        let results = ctx.report.playbook?.results.filter { $0.status == .suppressed } ?? []
        guard !results.isEmpty else { return }
        html += "<h3>\(ctx.locale.label("verdicts_set_aside"))</h3>\n"
        html += "<p class=\"legend\">\(ctx.locale.label("verdicts_set_aside_legend"))</p>\n<ul class=\"rules set-aside\">\n"
        for r in results {
            html += "<li class=\"rule status-suppressed\" data-rule=\"\(r.ruleID)\">"
            html.appendEscaped(r.message?.text(for: ctx.locale.rawValue) ?? r.ruleID)
            if let reason = r.suppressedBecause?.text(for: ctx.locale.rawValue) {
                html += " <span class=\"rule-reason\">"
                html.appendEscaped(ctx.locale.label("set_aside_because", ["reason": reason]))
                html += "</span>"
            }
            html += "</li>\n"
        }
        html += "</ul>\n"
    }

    /// An input of the working in the pack's locale: money as money, counts as counts.
    static func inputText(_ ctx: PackContext, _ id: String, _ value: Double?) -> String {
        if ctx.kpi(id) != nil { return ctx.format(id, value) }
        switch ctx.dictionary.measures[id]?.kind {
        case .money?, .signedMoney?: return ValueFormat.currency(ctx.unit.config.currency).format(value, locale: ctx.locale)
        case .days?: return ctx.formatter.decimal(value, fractionDigits: 1)
        case .count?: return ValueFormat.count.format(value, locale: ctx.locale)
        default: return ctx.formatter.decimal(value, fractionDigits: value.map { $0 == $0.rounded() ? 0 : 2 } ?? 0)
        }
    }

    static func dataQuality(into html: inout HTMLBuffer, _ ctx: PackContext, _ findings: [DataQualityFinding]) {
        html += "<h3>\(ctx.locale.label("data_quality"))</h3>\n"
        guard !findings.isEmpty else {
            html +=
                "<p class=\"empty\">\(ctx.locale.label("all_reconciliation_checks_passed"))</p>\n"
            return
        }
        let rows = findings.map { f -> [PackHTML.Cell] in
            [
                .text(checkName(f.check, ctx)),
                .text(
                    f.diagnostic.location.map {
                        "\($0.file.split(separator: "/").suffix(2).joined(separator: "/"))\($0.cell.map { ":" + $0 } ?? ($0.line > 0 ? ":\($0.line)" : ""))"
                    } ?? "—"),
                .text(f.month?.description ?? "—"), .text(f.diagnostic.message),
            ]
        }
        PackHTML.table(
            into: &html,
            headers: [
                .text(ctx.locale.label("check")), .text(ctx.label("file")), .text(ctx.locale.label("month")),
                .text(ctx.locale.label("finding_as_reported_by_boardpack")),
            ],
            rows: rows, classes: "data findings")
    }

    /// The provenance table: what this pack read of each file — rows, lines and the SHA-256
    /// of those bytes (`head -n LINES FILE | sha256sum`), so a later month appended to the
    /// file leaves this pack unchanged.
    static func checkName(_ check: DataQualityFinding.Check, _ ctx: PackContext) -> String {
        switch check {
        case .funnel: ctx.locale.label("funnel_widens")
        case .negative: ctx.locale.label("negative_value")
        case .missingMonth: ctx.locale.label("missing_month")
        case .outlier: ctx.locale.label("possible_outlier")
        case .budget: ctx.locale.label("spend_above_budget")
        }
    }

    static func dataFiles(into html: inout HTMLBuffer, _ ctx: PackContext) {
        let rows = ctx.unit.dataFiles.map { file -> [PackHTML.Cell] in
            let read = file.provenance(through: ctx.period.lastMonth)
            return [
                .text(file.path.split(separator: "/").suffix(2).joined(separator: "/")), .text(ctx.formatter.count(Double(read.rows))),
                .text(read.lines.map { ctx.formatter.count(Double($0)) } ?? "—"),
                .markup("<span class=\"mono\">\(read.sha256)</span>"),
            ]
        }
        html += "<h3>\(ctx.label("data_files"))</h3>\n"
        html +=
            "<p class=\"legend\">\(ctx.locale.label("sha_256_of_the_lines"))</p>\n"
        PackHTML.table(
            into: &html,
            headers: [.text(ctx.label("file")), .text(ctx.label("rows")), .text(ctx.locale.label("lines")), .text(ctx.label("sha256"))],
            rows: rows,
            numeric: [1, 2], classes: "data files")
    }
}
