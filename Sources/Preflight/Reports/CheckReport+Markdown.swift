extension CheckReport {
    /// The report as a pull-request comment: a verdict heading, a table per severity,
    /// then each finding's detail, chains and fix.
    public var markdown: String {
        var lines: [String] = []
        let icon = verdict == .ready ? "✅" : "❌"
        let subject = projectVersion.map { "\(project) \($0)" } ?? project
        lines.append(
            "## \(icon) Preflight: \(verdict.rawValue) on Python \(target.pythonText), "
                + targetDescription)
        lines.append("")
        lines.append("**\(escape(subject))**: \(summaryLine).")

        for (title, findings) in [
            (Self.blockersTitle, blockers), (Self.warningsTitle, warnings),
        ] where !findings.isEmpty {
            lines.append("")
            lines.append("### \(title.name)")
            lines.append("")
            lines.append(String(title.meaning.dropFirst(2)).capitalizedFirst + ".")
            lines.append("")
            lines.append("| Package | Version | Group | Problem |")
            lines.append("| --- | --- | --- | --- |")
            for finding in findings {
                let groups = finding.groups.isEmpty ? "—" : finding.groups.joined(separator: ", ")
                lines.append(
                    "| \(escape(finding.name)) | \(escape(finding.version ?? "—")) | \(groups) "
                        + "| \(finding.reason.summary) (`\(finding.reason.rawValue)`) |")
            }
            lines.append("")
            for finding in findings {
                lines += markdownLines(finding)
            }
        }

        lines.append("")
        lines.append(nextStep)
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdownLines(_ finding: Finding) -> [String] {
        let subject = finding.version.map { "\(finding.name) \($0)" } ?? finding.name
        var lines = ["- **\(escape(subject))**: \(escape(finding.detail))"]
        for chain in finding.chains.prefix(3) {
            lines.append("  - via " + chain.map { "`\($0.description)`" }.joined(separator: ", "))
        }
        if finding.chains.count > 3 {
            lines.append("  - and \(count(finding.chains.count - 3, "more chain"))")
        }
        if let fix = finding.fix {
            lines.append("  - fix: \(escape(fix))")
        }
        return lines
    }

    /// `text` with the characters that would start Markdown or break a table escaped;
    /// code spans (between backticks) are left alone.
    private func escape(_ text: String) -> String {
        var result = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if !inCode && (character == "|" || character == "*" || character == "<") {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }
}

extension String {
    /// The text with its first character upper-cased: `these` → `These`.
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
