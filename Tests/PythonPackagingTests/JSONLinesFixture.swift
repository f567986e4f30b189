import Foundation

/// Reads a JSON Lines vector file from `Resources/<folder>/<name>.jsonl`.
func decodeJSONLines<Line: Decodable>(
    _ type: Line.Type, folder: String, name: String
) throws -> [Line] {
    guard
        let url = Bundle.module.url(
            forResource: name, withExtension: "jsonl", subdirectory: "Resources/\(folder)")
    else {
        throw CocoaError(.fileNoSuchFile)
    }
    let decoder = JSONDecoder()
    return try String(decoding: Data(contentsOf: url), as: UTF8.self)
        .split(separator: "\n")
        .map { try decoder.decode(Line.self, from: Data($0.utf8)) }
}
