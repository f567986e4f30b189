import PackageIndex
import PythonPackaging

/// What the package index adds to a check from the lock: the first release of each
/// blocked package that ships a wheel for the target, and `sdist-only-native` for a
/// locked release that has only an sdist while other releases ship compiled wheels.
///
/// The lock-only analysis (``LockCheck``) stays as it is; this layer rewrites the
/// `fix` of the findings it can improve and turns such `sdist-only` warnings into
/// blockers.
public enum IndexAdvice {
    /// The packages the index can say more about: blockers for a missing wheel or an
    /// excluded Python, and packages that install from an sdist.
    public static func packageNames(in report: CheckReport) -> [String] {
        let findings = report.blockers + report.warnings
        return findings.filter { isAdvisable($0) }.map(\.name)
    }

    /// `report` with what `pages` (normalized name → the package's index page) say;
    /// a finding whose package has no page is left as the lock made it.
    public static func advise(_ report: CheckReport, pages: [String: ProjectPage])
        -> CheckReport
    {
        var advised = report
        advised.blockers = []
        advised.warnings = []
        for finding in report.blockers + report.warnings {
            guard isAdvisable(finding), let page = pages[finding.name] else {
                advised.add(finding)
                continue
            }
            advised.add(advise(finding, releases: page.releases, target: report.target))
        }
        advised.sort()
        return advised
    }

    /// Asks `client` about every package of `packageNames(in:)` at once and advises
    /// `report` with the answers; `failures` holds the packages the index could not
    /// answer for, whose findings keep the lock's advice.
    public static func run(_ report: CheckReport, client: IndexClient) async
        -> (report: CheckReport, failures: [String: IndexError])
    {
        let names = packageNames(in: report)
        guard !names.isEmpty else { return (report, [:]) }
        var pages: [String: ProjectPage] = [:]
        var failures: [String: IndexError] = [:]
        for (name, result) in await client.projects(names) {
            switch result {
            case .success(let page): pages[name] = page
            case .failure(let error): failures[name] = error
            }
        }
        return (advise(report, pages: pages), failures)
    }

    // MARK: - One finding

    private static func isAdvisable(_ finding: Finding) -> Bool {
        guard !finding.groups.isEmpty, finding.version != nil else { return false }
        switch finding.reason {
        case .noCompatibleWheel, .sdistOnlyNative, .requiresPython, .sdistOnly: return true
        case .purePythonFallback, .lockStale: return false
        }
    }

    /// The finding with the index's answer: an `sdist-only` release of a package whose
    /// other releases ship platform wheels becomes `sdist-only-native`; every blocker's
    /// fix names the first release installable on the target.
    static func advise(_ finding: Finding, releases: [Release], target: CheckTarget)
        -> Finding
    {
        var advised = finding
        let locked = finding.version.flatMap { try? Version($0) }
        if finding.reason == .sdistOnly {
            let native = releases.filter { $0.version != locked && hasPlatformWheel($0) }
            guard let example = native.last else { return finding }
            advised.reason = .sdistOnlyNative
            advised.detail =
                "\(finding.name) \(finding.version ?? "") ships only an sdist, while other"
                + " releases ship compiled wheels (such as \(example.version)): it has native"
                + " code, so pip would compile it from source"
        }

        let installable = releases.filter { isInstallable($0, on: target) }
        let later = installable.filter { locked.map($0.version.isAtLeast) ?? true }
        let wanted = targetTag(target)
        var fix: String
        if let first = later.first, let newest = installable.last {
            fix = "\(finding.name) \(first.version) is the first release"
            if finding.reason == .requiresPython {
                fix += " for Python \(target.environment.python.version)"
            }
            let compiled = later.first { isCompiled($0, on: target) }
            if isCompiled(first, on: target) || compiled == nil {
                fix += " with a wheel for \(wanted)"
            } else if let compiled {
                fix +=
                    " that installs (from its pure-Python wheel); \(compiled.version) is the"
                    + " first with a compiled wheel for \(wanted)"
            }
            fix +=
                first.version == newest.version
                ? " (and the newest)" : " (\(newest.version) is the newest)"
        } else {
            let newest = releases.last { !$0.files.isEmpty && !$0.version.isPrerelease }
            fix = "no release of \(finding.name)"
            if let newest, let locked, newest.version > locked {
                fix += " from \(locked) to \(newest.version) (the newest)"
                fix += " has a wheel for \(wanted)"
            } else {
                fix += " has a wheel for \(wanted) yet"
                if let version = finding.version { fix += " (\(version) is the newest)" }
            }
            fix += "; pip would compile it from source, so build it with a compiler in the"
            fix += " image or replace it"
        }
        if let pin = PackageFindings.pin(in: finding) { fix += "; " + pin }
        advised.fix = fix
        return advised
    }

    /// Whether pip would install `release` on `target` from a wheel: not yanked, not a
    /// pre-release, its Requires-Python admits the target, and a wheel fits.
    static func isInstallable(_ release: Release, on target: CheckTarget) -> Bool {
        guard !release.isYanked, !release.version.isPrerelease else { return false }
        if let text = release.requiresPython, let specifiers = try? SpecifierSet(text),
            !specifiers.contains(target.pythonVersion, prereleases: true)
        {
            return false
        }
        return release.bestWheel(for: target.environment) != nil
    }

    /// Whether the wheel `target` prefers among `release`'s is built for its platform.
    private static func isCompiled(_ release: Release, on target: CheckTarget) -> Bool {
        guard let best = release.bestWheel(for: target.environment),
            let wheel = release.wheels.first(where: { $0.file == best })
        else { return false }
        return wheel.filename.tags.contains { $0.platform != "any" }
    }

    /// Whether a wheel of `release` is built for a platform (not `any`).
    private static func hasPlatformWheel(_ release: Release) -> Bool {
        release.wheels.contains { wheel in wheel.filename.tags.contains { $0.platform != "any" } }
    }

    /// `cp314-manylinux_2_36_x86_64`: the interpreter and platform a wheel must fit.
    static func targetTag(_ target: CheckTarget) -> String {
        let python = target.environment.python
        return python.interpreterTag + (python.isFreeThreaded ? "t" : "") + "-"
            + target.platformTag
    }
}

extension Version {
    /// Whether the version is this one or later.
    fileprivate func isAtLeast(_ other: Version) -> Bool { !(self < other) }
}
