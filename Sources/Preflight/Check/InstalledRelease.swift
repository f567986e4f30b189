import PythonPackaging

/// A locked release that the target installs, with what the lock says about it.
struct InstalledRelease {
    var name: String
    var version: String
    /// The release's own Python constraint, if the lock gives one.
    var pythonVersions: String?
    /// The file names the lock lists.
    var files: [String]
    /// The normalized groups that install it, sorted.
    var groups: [String]
    /// `git`, `directory`, `url`, `file`, `vcs`, `archive` for a package not from an
    /// index; `legacy` or `nil` otherwise.
    var source: String?

    /// The file pip installs and the finding, if any.
    struct Decision {
        var file: String?
        var finding: Finding?
        /// What no wheel offers (`cp314`, `musllinux x86_64`), for a missing wheel.
        var missing: String?
    }

    /// Decides the file and finding on `target`, at most one finding: the release's
    /// Python range, then its wheels, then its sdists.
    func decide(on target: CheckTarget, reader: inout WheelReader) -> Decision {
        let files = ReleaseFiles(files, reader: &reader)
        let best = files.bestWheel(on: target)
        let sdist = files.sdists.first

        // 1. The release's Python range excludes the target.
        if !Constraints.pythonAllows(pythonVersions, target.pythonVersion) {
            let detail =
                "\(name) \(version) requires Python \(pythonVersions ?? "")"
                + " (python-versions in the lock); the target is \(target.pythonText)"
            return Decision(
                file: best?.wheel.filename ?? sdist,
                finding: finding(.requiresPython, detail))
        }

        // 2. A compatible wheel: fine, unless it is the pure fallback of a compiled one.
        if let best {
            let isPure = best.tag.abi == "none" && best.tag.platform == "any"
            guard isPure && files.hasPlatformWheel else {
                return Decision(file: best.wheel.filename, finding: nil)
            }
            let compiled = files.wheels.filter(ReleaseFiles.isPlatformWheel)
            let detail =
                "installs \(best.wheel.filename) without its compiled speedups; compiled "
                + WheelOffer.summary(of: compiled, target: target)
            return Decision(
                file: best.wheel.filename, finding: finding(.purePythonFallback, detail))
        }

        // 3. Platform wheels, none for the target: pip falls back to the sdist.
        if files.hasPlatformWheel {
            let fallback =
                sdist.map { "pip would compile \($0) from source" }
                ?? "there is no sdist either, so nothing installs"
            let detail = WheelOffer.summary(of: files.wheels, target: target) + "; " + fallback
            return Decision(
                file: sdist, finding: finding(.noCompatibleWheel, detail),
                missing: WheelOffer.missing(files.wheels, target: target))
        }

        // 4. No wheels for any platform: built from source, fine for pure Python.
        if sdist != nil || files.wheels.isEmpty {
            return Decision(file: sdist, finding: finding(.sdistOnly, sourceOnlyDetail(sdist)))
        }

        // 5. Only pure wheels for other Pythons, and no sdist.
        let detail =
            WheelOffer.summary(of: files.wheels, target: target)
            + " and no sdist: nothing installs on \(target.pythonText)"
        return Decision(file: nil, finding: finding(.noCompatibleWheel, detail))
    }

    private func sourceOnlyDetail(_ sdist: String?) -> String {
        if let sdist {
            return "the lock lists no wheel, only \(sdist): pip builds it at install time"
                + " (fine for pure Python; C code needs a compiler in the image)"
        }
        if let source, source != "legacy" {
            return "installed from a \(source) source, built at install time"
                + " (fine for pure Python; C code needs a compiler in the image)"
        }
        return "the lock lists no files for it, so it is built from source at install time"
    }

    private func finding(_ reason: FindingReason, _ detail: String) -> Finding {
        Finding(name: name, version: version, groups: groups, reason: reason, detail: detail)
    }
}
