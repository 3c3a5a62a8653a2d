/// boardpack's library, the command line's side of it: the phases in order (`SiteBuilder`) and
/// the commands. The pipeline's targets and their walls are described in `Sources/README.md`.
package enum Boardpack {
    /// The version shown by `--version` and in the site manifest.
    package static let version = "0.1.0"
}
