/// boardpack's library: content loading, metrics, playbooks, charts, rendering, site writing.
public enum Boardpack {
    /// The version shown by `--version` and in the site manifest.
    public static let version = "0.1.0"
}
