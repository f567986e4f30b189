/// The answer of `preflight check`: will the locked project install on the target?
public struct CheckReport: Sendable {
    /// Whether the project installs.
    public enum Verdict: String, Sendable, Hashable {
        /// No blocker: every installed package has a file the target can install.
        case ready
        /// At least one blocker.
        case blocked
    }

    /// The project's normalized name.
    public var project: String
    /// The project's version, when pyproject.toml has one.
    public var projectVersion: String?
    /// The lock file read: `poetry.lock` or `pylock.toml`.
    public var lockFile: String
    /// The lock's format version.
    public var lockVersion: String
    /// The target checked.
    public var target: CheckTarget
    /// The normalized groups installed, sorted.
    public var groups: [String]
    /// Findings that stop the installation, sorted by name and version.
    public var blockers: [Finding]
    /// Findings that let it go on, sorted by name and version.
    public var warnings: [Finding]
    /// Every installed package, sorted by name and version.
    public var packages: [CheckedPackage]
    /// Project dependencies the lock does not have (a stale lock).
    public var missingFromLock: [String]

    /// `blocked` when there is a blocker.
    public var verdict: Verdict { blockers.isEmpty ? .ready : .blocked }
}
