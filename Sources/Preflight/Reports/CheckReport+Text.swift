/// How a text report marks its parts; the command line turns these into colour on a
/// terminal and leaves them plain elsewhere.
public enum ReportStyle: Sendable {
    /// Blockers and the blocked verdict.
    case blocker
    /// Warnings.
    case warning
    /// The ready verdict.
    case ready
    /// Package names and headings.
    case emphasis
    /// Secondary text such as chains.
    case secondary
}

extension CheckReport {
    /// The report for a terminal: the verdict first, then blockers and warnings, one
    /// line per package with its details indented under it, lines wrapped at `width`.
    public func text(
        width: Int = 100, style: (String, ReportStyle) -> String = { text, _ in text }
    ) -> String {
        var lines: [String] = []
        let verdictText =
            verdict == .ready
            ? style("READY", .ready) : style("BLOCKED", .blocker)
        let subject = projectVersion.map { "\(project) \($0)" } ?? project
        lines.append(
            "\(verdictText): \(style(subject, .emphasis)) on Python \(target.pythonText), "
                + "\(targetDescription)")
        lines.append(summaryLine)

        for (title, findings, mark, kind) in [
            (Self.blockersTitle, blockers, "✗", ReportStyle.blocker),
            (Self.warningsTitle, warnings, "!", ReportStyle.warning),
        ] where !findings.isEmpty {
            lines.append("")
            lines.append(style("\(title.name) (\(findings.count))", .emphasis) + title.meaning)
            for finding in findings {
                lines += textLines(
                    finding, mark: style(mark, kind), kind: kind, width: width,
                    style: style)
            }
        }

        lines.append("")
        lines.append(nextStep)
        return lines.joined(separator: "\n") + "\n"
    }

    static let blockersTitle = (
        name: "Blockers",
        meaning: ": `poetry install` would fail, or compile from source, on this target"
    )
    static let warningsTitle = (
        name: "Warnings", meaning: ": these install, but from source or without compiled speedups"
    )

    /// `debian (manylinux_2_36_x86_64)`, or the tag alone when it was given as such.
    var targetDescription: String {
        target.name == target.platformTag ? target.name : "\(target.name) (\(target.platformTag))"
    }

    /// `6 blockers and 1 warning among 32 packages from poetry.lock (groups: dev, main)`.
    var summaryLine: String {
        let counts = "\(count(blockers.count, "blocker")) and \(count(warnings.count, "warning"))"
        let groupText = groups.isEmpty ? "" : " (groups: \(groups.joined(separator: ", ")))"
        return "\(counts) among \(count(packages.count, "package")) installed from "
            + "\(lockFile)\(groupText)"
    }

    /// What to do once the report is read.
    var nextStep: String {
        if verdict == .ready {
            return warnings.isEmpty
                ? "Every package installs from a wheel on this target."
                : "Every package installs; the warnings above are worth a look."
        }
        return
            "Fix the blockers above (each `fix:` line says how), then run `preflight check` again."
    }

    private func textLines(
        _ finding: Finding, mark: String, kind: ReportStyle, width: Int,
        style: (String, ReportStyle) -> String
    ) -> [String] {
        let subject = finding.version.map { "\(finding.name) \($0)" } ?? finding.name
        let groupText = finding.groups.isEmpty ? "" : " [\(finding.groups.joined(separator: ", "))]"
        var lines = [
            "  \(mark) \(style(subject, .emphasis))\(groupText): \(finding.reason.summary)"
                + " (\(finding.reason.rawValue))"
        ]
        lines += wrap(finding.detail, indent: "      ", width: width)
        for (number, chain) in finding.chains.prefix(2).enumerated() {
            let label = number == 0 ? "via " : "and "
            for (index, step) in chain.enumerated() {
                let lead = index == 0 ? "      \(label)" : "          "
                lines.append(style(lead + step.description, .secondary))
            }
        }
        if finding.chains.count > 2 {
            let more = finding.chains.count - 2
            lines.append(style("      and \(count(more, "more chain"))", .secondary))
        }
        if let fix = finding.fix {
            lines += wrap("fix: " + fix, indent: "      ", width: width)
        }
        return lines
    }
}

/// `1 blocker`, `2 blockers`.
func count(_ number: Int, _ noun: String) -> String {
    number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
}

/// `text` in lines of at most `width` columns (longer words stay whole), each after
/// `indent`.
func wrap(_ text: String, indent: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = indent
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if current.count > indent.count && current.count + 1 + word.count > width {
            lines.append(current)
            current = indent
        }
        current += (current.count > indent.count ? " " : "") + word
    }
    if current.count > indent.count { lines.append(current) }
    return lines
}
