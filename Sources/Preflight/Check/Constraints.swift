import Poetry
import PythonPackaging

/// Reading the version constraints of a lock the way Poetry and `packaging` read them.
enum Constraints {
    /// Whether a `python-versions` value allows `python`: `*` or empty allows everything;
    /// otherwise PEP 440 specifiers (prereleases allowed), else Poetry syntax (`^3.8`,
    /// `~2.7 || ^3.4`). An unreadable value allows everything: the lock was written by a
    /// tool that read it, so nothing is known to exclude the target.
    static func pythonAllows(_ text: String?, _ python: Version) -> Bool {
        guard let text else { return true }
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty || trimmed == "*" { return true }
        if let specifiers = try? SpecifierSet(trimmed) {
            return specifiers.contains(python, prereleases: true)
        }
        guard let constraint = try? PoetryConstraint(trimmed) else { return true }
        return constraint.allows(python)
    }

    /// Whether a requirement's Poetry constraint allows a locked `version`; an
    /// unreadable constraint or version allows it.
    static func allows(_ constraint: String, version: String) -> Bool {
        let trimmed = constraint.trimmingWhitespace
        if trimmed.isEmpty || trimmed == "*" { return true }
        guard let parsed = try? PoetryConstraint(trimmed), let version = try? Version(version)
        else { return true }
        return parsed.allows(version)
    }
}

extension Constraints {
    /// Whether a Poetry `platform` value (`linux`, `linux || darwin`, `!=win32`) allows
    /// `platform` (a `sys_platform` value), read as poetry-core reads it: alternatives
    /// split on `||` or `|`, each a comma-separated list of `==`/`!=` terms that must all
    /// hold; `*` allows everything, and an ordering term (`<`, `>`) is not checked.
    static func platformAllows(_ text: String, _ platform: String) -> Bool {
        text.split(separator: "|").contains { alternative in
            alternative.split(separator: ",").allSatisfy { raw in
                var term = Substring(String(raw).trimmingWhitespace)
                if term == "*" || term.first == "<" || term.first == ">" { return true }
                var equal = true
                if term.hasPrefix("!=") {
                    equal = false
                    term = term.dropFirst(2)
                } else if term.hasPrefix("==") {
                    term = term.dropFirst(2)
                } else if term.hasPrefix("=") {
                    term = term.dropFirst()
                }
                return (String(term).trimmingWhitespace == platform) == equal
            }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
