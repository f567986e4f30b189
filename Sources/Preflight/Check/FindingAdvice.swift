import PythonPackaging

/// The `fix` hints of findings: what to do next, from what the lock says.
enum PackageFindings {
    /// A hint for a package finding; `nil` when the lock cannot say more than the detail.
    /// `missing` is what no wheel of the release offers (`cp314`, `musllinux x86_64`).
    static func fix(for finding: Finding, target: CheckTarget, missing: String? = nil) -> String? {
        let versions = versionsCommand(finding.name, target: target)
        switch finding.reason {
        case .noCompatibleWheel, .sdistOnlyNative:
            let python = target.environment.python.interpreterTag
            let wanted = missing ?? "\(python) on \(WheelOffer.platformFamily(of: target))"
            var text =
                "needs a release of \(finding.name) with a wheel for \(wanted); run `\(versions)`"
            if let pin = pin(in: finding) { text += "; " + pin }
            return text
        case .requiresPython:
            var text =
                "needs a release of \(finding.name) that supports Python "
                + "\(target.environment.python.version); run `\(versions)`"
            if let pin = pin(in: finding) { text += "; " + pin }
            return text
        case .purePythonFallback:
            return "installs and works; for the compiled speedups run `\(versions)`"
        case .sdistOnly:
            return nil
        case .lockStale:
            return nil
        }
    }

    /// `preflight versions grpcio --python 3.14 --platform alpine`.
    static func versionsCommand(_ name: String, target: CheckTarget) -> String {
        var command = "preflight versions \(name) --python \(target.environment.python)"
        if target.name != "debian" { command += " --platform \(target.name)" }
        return command
    }

    /// `shippo-core 1.0.20230105120000 pins grpcio ==1.54.2, so it must move too`: the
    /// locked package or project requirement that pins the package exactly.
    static func pin(in finding: Finding) -> String? {
        for chain in finding.chains {
            guard let step = chain.last, isExactPin(step.requirement) else { continue }
            if chain.count == 1 {
                return "pyproject.toml pins it (`\(step.requirement)`)"
            }
            let parent = step.parentVersion.map { "\(step.parent) \($0)" } ?? step.parent
            return "\(parent) pins `\(step.requirement)`, so \(step.parent) must move too"
        }
        return nil
    }

    /// Whether a requirement such as `grpcio ==1.54.2` allows one version only.
    private static func isExactPin(_ requirement: String) -> Bool {
        guard let space = requirement.firstIndex(of: " ") else { return false }
        let constraint = requirement[requirement.index(after: space)...]
        return (constraint.hasPrefix("==") || constraint.hasPrefix("==="))
            && !constraint.contains("*") && !constraint.contains(",")
            && !constraint.contains("|")
    }
}

/// Findings about the project as a whole.
enum ProjectFindings {
    /// The lock no longer matches pyproject.toml.
    static func stale(name: String, version: String?, missing: [String], lockFile: String)
        -> Finding
    {
        var detail =
            "pyproject.toml changed after \(lockFile) was written: its content-hash does not"
            + " match, so `poetry install` refuses the lock"
        if !missing.isEmpty {
            detail += "; not in the lock: " + missing.joined(separator: ", ")
        }
        return Finding(
            name: name, version: version, groups: [], reason: .lockStale, detail: detail,
            fix: "run `poetry lock` and commit the new \(lockFile), then check again")
    }

    /// The lock's own Python range excludes the target.
    static func python(
        name: String, version: String?, range: String, source: String, target: CheckTarget
    ) -> Finding {
        let detail =
            "the lock was made for Python \(range) (\(source)), which excludes "
            + target.pythonText
        let fix =
            "widen `python` in pyproject.toml to include \(target.environment.python.version)"
            + " and run `poetry lock`"
        return Finding(
            name: name, version: version, groups: [], reason: .requiresPython, detail: detail,
            fix: fix)
    }
}
