import Foundation
import Testing

@testable import PythonPackaging

/// The differential vectors of Scripts/oracles/wheel_vectors.py: real wheel filenames
/// and near-misses against six targets, as packaging 26 judges them.
@Suite struct WheelFilenameVectorTests {
    struct Request: Decodable {
        var filename: String
        var python: String
        var platform: String
    }
    struct Response: Decodable, Equatable {
        var valid: Bool
        var name: String?
        var version: String?
        var build: String?
        var tags: [String]?
        var compatible: Bool?
    }
    struct Vector: Decodable {
        var request: Request
        var response: Response
        var rank: Int?
    }

    @Test func filenamesAgreeWithPackaging() throws {
        let vectors = try decodeJSONLines(Vector.self, folder: "wheel", name: "filenames")
        #expect(vectors.count > 10000)
        var targets: [String: TargetEnvironment] = [:]
        var mismatches = 0
        for vector in vectors {
            let key = vector.request.python + " " + vector.request.platform
            let target =
                try targets[key]
                ?? TargetEnvironment(
                    python: vector.request.python, platform: vector.request.platform)
            targets[key] = target

            var response = Response(valid: false)
            var rank: Int?
            if let wheel = try? WheelFilename(parsing: vector.request.filename) {
                response = Response(
                    valid: true, name: wheel.name.normalized, version: wheel.version.description,
                    build: wheel.build, tags: Set(wheel.tags.map(\.description)).sorted(),
                    compatible: wheel.isCompatible(with: target))
                rank = wheel.rank(on: target)
            }
            if response != vector.response || rank != vector.rank {
                mismatches += 1
                if mismatches <= 10 {
                    Issue.record(
                        "\(vector.request.filename) on \(key): \(response), rank \(rank ?? -1)")
                }
            }
        }
        #expect(mismatches == 0)
    }
}
