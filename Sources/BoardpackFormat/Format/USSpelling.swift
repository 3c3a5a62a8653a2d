import Foundation

/// American spelling of the project's British English (SPEC §6 v2: en-US pages use US
/// spelling): the label table, the KPI dictionary's texts and the playbooks' messages are
/// written once, in British English, and an en-US page reads them through this map.
///
/// A list of the words the project uses, not a general converter: a word missing here shows
/// up in the test that reads every en-US page for British spellings.
package enum USSpelling {
    /// British → American, lower case; each is also replaced capitalised. Stems cover their
    /// endings (`utilis` covers utilise, utilised, utilisation); whole words that a stem
    /// would spoil (analysis, emphasis) are listed instead.
    static let words: [(String, String)] = [
        ("utilis", "utiliz"), ("organis", "organiz"), ("optimis", "optimiz"), ("prioritis", "prioritiz"), ("recognis", "recogniz"),
        ("personalis", "personaliz"), ("realise", "realize"), ("realised", "realized"), ("stabilis", "stabiliz"), ("minimis", "minimiz"),
        ("maximis", "maximiz"),
        ("normalis", "normaliz"), ("summaris", "summariz"), ("authoris", "authoriz"), ("categoris", "categoriz"), ("customis", "customiz"),
        ("finalis", "finaliz"), ("specialis", "specializ"), ("standardis", "standardiz"), ("centralis", "centraliz"),
        ("digitalis", "digitaliz"), ("monetis", "monetiz"), ("amortis", "amortiz"), ("annualis", "annualiz"), ("capitalis", "capitaliz"),
        ("emphasise", "emphasize"), ("analyse", "analyze"), ("analysing", "analyzing"), ("programme", "program"), ("centre", "center"),
        ("behaviour", "behavior"), ("colour", "color"), ("favour", "favor"), ("labour", "labor"), ("honour", "honor"),
        ("neighbour", "neighbor"), ("catalogue", "catalog"), ("licence", "license"), ("defence", "defense"), ("offence", "offense"),
        ("cancelled", "canceled"), ("cancelling", "canceling"), ("modelling", "modeling"), ("travelling", "traveling"),
        ("labelled", "labeled"), ("judgement", "judgment"), ("whilst", "while"), ("ageing", "aging"), ("grey", "gray"),
        ("towards", "toward"),
    ]

    /// `text` in American spelling.
    package static func apply(_ text: String) -> String {
        var out = text
        for (british, american) in words {
            guard out.range(of: british, options: .caseInsensitive) != nil else { continue }
            out = out.replacingOccurrences(of: british, with: american)
            out = out.replacingOccurrences(
                of: british.prefix(1).uppercased() + british.dropFirst(), with: american.prefix(1).uppercased() + american.dropFirst())
            out = out.replacingOccurrences(of: british.uppercased(), with: american.uppercased())
        }
        return out
    }
}
