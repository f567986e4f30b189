import Foundation
import Poetry
import PythonPackaging
import TOML

/// A project folder as a check reads it: pyproject.toml, and poetry.lock or (when there
/// is no poetry.lock) a PEP 751 pylock.toml.
public struct Project: Sendable {
    /// The lock a project is checked from.
    enum Lock: Sendable {
        case poetry(PoetryLock)
        case pylock(Pylock)
    }

    /// The folder as given, such as `Fixtures/scenario-before` or `.`.
    public let folder: String
    /// The project file; `nil` only beside a pylock.toml.
    public let pyproject: Pyproject?
    /// The lock.
    let lock: Lock
    /// `[tool.preflight] python`, the default target Python.
    public let defaultPython: String?
    /// `[tool.preflight] platform`, the default target platform.
    public let defaultPlatform: String?

    /// The lock file's name: `poetry.lock` or `pylock.toml`.
    public var lockFileName: String {
        switch lock {
        case .poetry: "poetry.lock"
        case .pylock: "pylock.toml"
        }
    }

    /// Reads the project in `folder` (or the folder of a pyproject.toml given instead).
    public init(folder path: String) throws(CheckError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CheckError("no such project folder '\(path)'")
        }
        var folder = path
        if !isDirectory.boolValue {
            guard path.hasSuffix("pyproject.toml") else {
                throw CheckError(
                    "expected a project folder or its pyproject.toml, found '\(path)'")
            }
            folder = String(path.dropLast("pyproject.toml".count))
            if folder.hasSuffix("/") && folder.count > 1 { folder.removeLast() }
            if folder.isEmpty { folder = "." }
        }
        self.folder = folder

        // The lock: poetry.lock first, then pylock.toml.
        let pyprojectPath = Self.join(folder, "pyproject.toml")
        let poetryLockPath = Self.join(folder, "poetry.lock")
        let pylockPath = Self.join(folder, "pylock.toml")
        let pyprojectText = try Self.read(pyprojectPath)
        if let lockText = try Self.read(poetryLockPath) {
            guard let pyprojectText else {
                throw CheckError(
                    "no pyproject.toml in '\(folder)' beside its poetry.lock",
                    hint: "give the folder that holds the project's pyproject.toml")
            }
            let pyproject = try Self.parsePyproject(pyprojectText, file: pyprojectPath)
            do {
                lock = .poetry(try PoetryLock(parsing: lockText, file: poetryLockPath))
            } catch {
                throw CheckError(Self.message(error, file: poetryLockPath))
            }
            self.pyproject = pyproject
        } else if let lockText = try Self.read(pylockPath) {
            pyproject = try pyprojectText.map { (text) throws(CheckError) in
                try Self.parsePyproject(text, file: pyprojectPath)
            }
            lock = .pylock(try Pylock(parsing: lockText, file: pylockPath))
        } else if pyprojectText == nil {
            throw CheckError(
                "no pyproject.toml in '\(folder)'",
                hint: "give the folder of a Poetry project: 'preflight check path/to/service'")
        } else {
            // A broken pyproject.toml is the first thing to fix, before locking.
            if let pyprojectText { _ = try Self.parsePyproject(pyprojectText, file: pyprojectPath) }
            throw CheckError(
                "no poetry.lock in '\(folder)'",
                hint: "run 'poetry lock' there first; a check reads the lock, not the index")
        }

        // [tool.preflight]: the default target.
        let settings = pyproject?.document.value(at: ["tool", "preflight"])
        defaultPython = try Self.setting("python", in: settings, file: pyprojectPath)
        defaultPlatform = try Self.setting("platform", in: settings, file: pyprojectPath)
        if case .poetry = lock, let pyproject {
            try Self.requireName(pyproject, file: pyprojectPath)
        }
    }

    /// The project's normalized name and version: `[project]`, else `[tool.poetry]`,
    /// else the folder's name.
    var identity: (name: String, version: String?) {
        let document = pyproject?.document
        let project = document?["project"]
        let poetry = document?.value(at: ["tool", "poetry"])
        let name = project?["name"]?.string ?? poetry?["name"]?.string ?? folderName
        let version = project?["version"]?.string ?? poetry?["version"]?.string
        return (PackageName.normalize(name), version)
    }

    /// The last component of the folder's absolute path.
    private var folderName: String {
        let absolute =
            folder.hasPrefix("/")
            ? folder : Self.join(FileManager.default.currentDirectoryPath, folder)
        let parts = absolute.split(separator: "/").filter { $0 != "." }
        return parts.last.map(String.init) ?? "project"
    }

    // MARK: - Files

    private static func join(_ folder: String, _ name: String) -> String {
        if folder == "." || folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The UTF-8 text of `path`, or `nil` when there is no such file.
    private static func read(_ path: String) throws(CheckError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckError("cannot read '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CheckError("'\(path)' is not UTF-8 text")
        }
        return text
    }

    private static func parsePyproject(_ text: String, file: String) throws(CheckError)
        -> Pyproject
    {
        do {
            return try Pyproject(parsing: text, file: file)
        } catch {
            throw CheckError(message(error, file: file))
        }
    }

    /// Poetry refuses a project in package mode (the default) without a name in
    /// `[project]` or `[tool.poetry]`, such as an empty pyproject.toml.
    private static func requireName(_ pyproject: Pyproject, file: String) throws(CheckError) {
        guard pyproject.isPackageMode else { return }
        let document = pyproject.document
        let named =
            document["project"]?["name"]?.string != nil
            || document.value(at: ["tool", "poetry"])?["name"]?.string != nil
        guard !named else { return }
        throw CheckError(
            "\(file): expected a project name in [project] or [tool.poetry], found none",
            hint: "Poetry needs a name unless [tool.poetry] sets package-mode = false")
    }

    /// The error's text, starting with the file when it has no position of its own.
    private static func message(_ error: PoetryError, file: String) -> String {
        error.position == nil ? "\(file): \(error.message)" : error.description
    }

    private static func setting(_ key: String, in table: TOMLValue?, file: String)
        throws(CheckError) -> String?
    {
        guard let entry = table?.table?.entry(forKey: key) else { return nil }
        guard let text = entry.value.string else {
            throw CheckError(
                "\(file):\(entry.keySpan.line):\(entry.keySpan.column): expected a string for "
                    + "'tool.preflight.\(key)', found \(entry.value.typeName)")
        }
        return text
    }
}
