import Poetry
import PythonPackaging

/// `preflight check`: decides from the lock alone whether a project installs on a
/// target with wheels only, and explains every package that does not.
///
/// The rules are those of Fixtures/README.md, "Ground-truth rules".
public enum LockCheck {
    /// Checks `project` on `target` installing the `groups` selected.
    public static func run(
        _ project: Project, target: CheckTarget, groups: GroupSelection = GroupSelection()
    ) throws(CheckError) -> CheckReport {
        switch project.lock {
        case .poetry(let lock):
            guard let pyproject = project.pyproject else {
                throw CheckError("no pyproject.toml in '\(project.folder)'")
            }
            return try checkPoetry(project, pyproject, lock, target: target, selection: groups)
        case .pylock(let lock):
            return try checkPylock(project, lock, target: target, selection: groups)
        }
    }

    // MARK: - Poetry

    private static func checkPoetry(
        _ project: Project, _ pyproject: Pyproject, _ lock: PoetryLock, target: CheckTarget,
        selection: GroupSelection
    ) throws(CheckError) -> CheckReport {
        let groups = try selection.resolve(
            available: pyproject.groups.map { ($0.name, $0.isOptional) })
        let (name, version) = project.identity
        let installation = PoetryInstallation(
            lock: lock, pyproject: pyproject, groups: groups, target: target,
            projectName: name, projectVersion: version)
        var report = CheckReport(
            project: name, projectVersion: version, lockFile: project.lockFileName,
            lockVersion: lock.lockVersion.rawValue, target: target, groups: groups,
            blockers: [], warnings: [], packages: [],
            missingFromLock: installation.missing.sorted())

        // The project: a lock that no longer matches, a Python range without the target.
        let fresh = (try? lock.isFresh(for: pyproject.document, checkedBy: .latest)) ?? false
        // A lock whose hash matches but that lacks a project requirement was damaged
        // after Poetry wrote it (a hand edit, a bad merge): nothing it says can be trusted.
        if fresh, Constraints.pythonAllows(lock.pythonVersions, target.pythonVersion),
            let missing = installation.missingRoots.min()
        {
            throw CheckError(
                "\(project.lockFileName) has no [[package]] entry for '\(missing)', which "
                    + "pyproject.toml requires, although its content-hash matches",
                hint: "the lock was edited after Poetry wrote it; run 'poetry lock' to rewrite it")
        }
        if !fresh {
            report.add(
                ProjectFindings.stale(
                    name: name, version: version, missing: report.missingFromLock,
                    lockFile: project.lockFileName))
        }
        if !Constraints.pythonAllows(lock.pythonVersions, target.pythonVersion) {
            report.add(
                ProjectFindings.python(
                    name: name, version: version, range: lock.pythonVersions,
                    source: "[metadata] python-versions of \(project.lockFileName)",
                    target: target))
        }

        // Every installed package.
        var reader = WheelReader(target: target)
        var depths: [Int: Int]?
        for (index, package) in lock.packages.enumerated() {
            guard let packageGroups = installation.groupsByPackage[index] else { continue }
            let release = InstalledRelease(
                name: package.normalizedName, version: package.version,
                pythonVersions: package.pythonVersions, files: package.files.map(\.name),
                groups: packageGroups.sorted(), source: package.source.map(\.type))
            let decision = release.decide(on: target, reader: &reader)
            report.packages.append(
                CheckedPackage(
                    name: release.name, version: release.version, groups: release.groups,
                    file: decision.file))
            guard var finding = decision.finding else { continue }
            if depths == nil { depths = installation.depths() }
            finding.chains = installation.chains(to: index, depths: depths ?? [:])
            finding.fix = PackageFindings.fix(
                for: finding, target: target, missing: decision.missing)
            report.add(finding)
        }
        report.sort()
        return report
    }

    // MARK: - pylock.toml

    private static func checkPylock(
        _ project: Project, _ lock: Pylock, target: CheckTarget, selection: GroupSelection
    ) throws(CheckError) -> CheckReport {
        let declared = Set(lock.defaultGroups.map(PackageName.normalize))
        let available = lock.dependencyGroups.map {
            ($0, !declared.contains(PackageName.normalize($0)))
        }
        let groups = try selection.resolve(available: available)
        let (name, version) = project.identity
        var report = CheckReport(
            project: name, projectVersion: version, lockFile: project.lockFileName,
            lockVersion: lock.lockVersion, target: target, groups: groups, blockers: [],
            warnings: [], packages: [], missingFromLock: [])
        if !Constraints.pythonAllows(lock.requiresPython, target.pythonVersion) {
            report.add(
                ProjectFindings.python(
                    name: name, version: version, range: lock.requiresPython ?? "",
                    source: "requires-python of pylock.toml", target: target))
        }

        // A package is installed when its marker holds with the selected groups; it
        // belongs to the groups that make it hold on their own, or to `main`.
        var markers = MarkerCache(environment: target.markerEnvironment)
        var reader = WheelReader(target: target)
        let selected = MarkerEnvironment.Value.set(Set(groups))
        let none = MarkerEnvironment.Value.set([])
        for package in lock.packages {
            var packageGroups = ["main"]
            if let marker = package.marker {
                guard markers.holds(marker, with: ["dependency_groups": selected, "extras": none])
                else { continue }
                if !markers.holds(marker, with: ["dependency_groups": none, "extras": none]) {
                    packageGroups = groups.filter {
                        markers.holds(
                            marker, with: ["dependency_groups": .set([$0]), "extras": none])
                    }
                }
            }
            let release = InstalledRelease(
                name: PackageName.normalize(package.name), version: package.version ?? "",
                pythonVersions: package.requiresPython, files: package.files,
                groups: packageGroups, source: package.sourceKind)
            let decision = release.decide(on: target, reader: &reader)
            report.packages.append(
                CheckedPackage(
                    name: release.name, version: release.version, groups: release.groups,
                    file: decision.file))
            guard var finding = decision.finding else { continue }
            finding.fix = PackageFindings.fix(
                for: finding, target: target, missing: decision.missing)
            report.add(finding)
        }
        report.sort()
        return report
    }
}

extension CheckReport {
    mutating func add(_ finding: Finding) {
        if finding.reason.isBlocker {
            blockers.append(finding)
        } else {
            warnings.append(finding)
        }
    }

    /// Sorts findings and packages by name, then version (PEP 440), then reason.
    mutating func sort() {
        func key(_ name: String, _ version: String?) -> SortKey {
            SortKey(
                name: name, version: version.flatMap { try? Version($0) } ?? .zero,
                text: version ?? "")
        }
        blockers.sort {
            (key($0.name, $0.version), $0.reason.rawValue)
                < (key($1.name, $1.version), $1.reason.rawValue)
        }
        warnings.sort {
            (key($0.name, $0.version), $0.reason.rawValue)
                < (key($1.name, $1.version), $1.reason.rawValue)
        }
        packages.sort { key($0.name, $0.version) < key($1.name, $1.version) }
    }
}

/// Name, then PEP 440 version, then version text, compared as Python compares them.
private struct SortKey: Comparable {
    var name: String
    var version: Version
    var text: String

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        if lhs.name != rhs.name {
            return lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars)
        }
        if lhs.version != rhs.version { return lhs.version < rhs.version }
        return lhs.text.unicodeScalars.lexicographicallyPrecedes(rhs.text.unicodeScalars)
    }

    static func == (lhs: SortKey, rhs: SortKey) -> Bool {
        lhs.name == rhs.name && lhs.version == rhs.version && lhs.text == rhs.text
    }
}
