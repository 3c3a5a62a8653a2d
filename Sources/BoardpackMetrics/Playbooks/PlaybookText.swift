/// A short playbook text in English and Italian: the dictionary's `LocalizedText`, which
/// decodes `{en: …, it: …}` or a plain string used for both languages.
package typealias PlaybookText = LocalizedText
