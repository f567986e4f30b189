import PythonPackaging

/// Evaluates the marker strings of a lock in one environment, parsing each distinct
/// string once and keeping one environment per requested extra.
struct MarkerCache {
    private let environment: MarkerEnvironment
    private var parsed: [String: Marker?] = [:]
    private var environments: [String: MarkerEnvironment] = [:]

    init(environment: MarkerEnvironment) {
        self.environment = environment
    }

    /// Whether `text` holds with `extra` set to no extra or to any one of `extras`, as
    /// `packaging` evaluates a requirement asked for with those extras. No marker holds;
    /// a marker that does not parse or evaluate holds too (it came from a lock that a
    /// resolver wrote, so it is not read as excluding anything).
    mutating func holds(_ text: String?, extras: Set<String>) -> Bool {
        guard let text else { return true }
        guard let marker = marker(text) else { return true }
        if evaluate(marker, extra: "") { return true }
        for extra in extras.sorted() where evaluate(marker, extra: extra) {
            return true
        }
        return false
    }

    /// Whether `text` holds in the environment with `variables` replaced, such as
    /// `extras` and `dependency_groups` for a pylock.toml.
    mutating func holds(_ text: String, with variables: [String: MarkerEnvironment.Value])
        -> Bool
    {
        guard let marker = marker(text) else { return true }
        var environment = environment
        for (name, value) in variables { environment[name] = value }
        return (try? marker.evaluate(in: environment)) ?? true
    }

    private mutating func marker(_ text: String) -> Marker? {
        if let known = parsed[text] { return known }
        let marker = text.trimmingWhitespace.isEmpty ? nil : try? Marker(parsing: text)
        parsed[text] = .some(marker)
        return marker
    }

    private mutating func evaluate(_ marker: Marker, extra: String) -> Bool {
        let environment: MarkerEnvironment
        if let known = environments[extra] {
            environment = known
        } else {
            environment = self.environment.requesting(extras: extra.isEmpty ? [] : [extra])
            environments[extra] = environment
        }
        return (try? marker.evaluate(in: environment)) ?? true
    }
}
