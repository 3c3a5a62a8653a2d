import Testing

@testable import BoardpackContent
@testable import BoardpackFormat
@testable import BoardpackKit
@testable import BoardpackMarkdown
@testable import BoardpackMetrics
@testable import BoardpackPresentation
@testable import BoardpackSite
@testable import BoardpackSupport

@Suite struct MetricsJSONTests {
    @Test func numberForms() {
        #expect(JSONValue.format(45) == "45")
        #expect(JSONValue.format(-3) == "-3")
        #expect(JSONValue.format(41.2) == "41.2")
        #expect(JSONValue.format(0.0842) == "0.0842")
        #expect(JSONValue.format(-0.0) == "0")
        #expect(JSONValue.format(1_234_567.5) == "1234567.5")
        #expect(JSONValue.format(.nan) == "null")
    }

    @Test func rendersSortedIndentedEscaped() {
        let v = JSONValue.object([
            "b": .array([.number(1), .null, .bool(true)]), "a": .string("x\"y\n"), "c": .object([:]), "d": .array([]),
        ])
        #expect(
            v.render() == """
                {
                  "a": "x\\"y\\n",
                  "b": [
                    1,
                    null,
                    true
                  ],
                  "c": {},
                  "d": []
                }

                """)
    }

    @Test func packDocument() throws {
        let f = Fixture.file(
            dims: ["channel"], measures: ["spend", "leads"],
            rows: [("2026-01", ["web"], [300, 20]), ("2026-01", ["shop"], [0, 0])])
        let dictionary = MetricDictionary(
            measures: MetricDictionary.builtInMeasures,
            kpis: [MetricDictionary.builtInKPIs.first { $0.id == "cpl" }!])
        let e = try Fixture.engine([f], targets: ["cpl": .constant(20)], dictionary: dictionary)
        let json = e.pack(Fixture.month("2026-01")).json(
            audience: "board", extra: ["governance": JSONValue.object(["annual_marketing_cost": .number(nil)])])
        // cpl = 300 / 20 = 15 ≤ 20: green; shop: 0 / 0 → null; no previous month.
        #expect(
            json.render() == """
                {
                  "audience": "board",
                  "breakdowns": {
                    "channel": {
                      "shop": {
                        "cpl": null
                      },
                      "web": {
                        "cpl": 15
                      }
                    }
                  },
                  "governance": {
                    "annual_marketing_cost": null
                  },
                  "kpis": {
                    "cpl": {
                      "change": null,
                      "delta": null,
                      "formula": "spend / leads",
                      "partial": false,
                      "previous": null,
                      "status": "green",
                      "target": 20,
                      "target_status": "green",
                      "value": 15,
                      "year_ago": null,
                      "yoy_change": null
                    }
                  },
                  "period": "2026-01",
                  "period_kind": "month",
                  "schema": 2,
                  "unit": "u"
                }

                """)
    }
}
