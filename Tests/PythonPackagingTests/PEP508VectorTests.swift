import Foundation
import Testing

@testable import PythonPackaging

/// The differential vectors of Scripts/oracles/pep508_vectors.py: every answer must
/// agree with packaging 26.
@Suite struct PEP508VectorTests {
    struct RequirementRequest: Decodable { var input: String }
    struct RequirementResponse: Decodable, Equatable {
        var valid: Bool
        var name: String?
        var extras: [String]?
        var specifier: String?
        var url: String?
        var marker: String?
    }
    struct RequirementVector: Decodable {
        var request: RequirementRequest
        var response: RequirementResponse
    }

    /// The answer `preflight debug pep508` gives, in the vectors' shape.
    func answer(_ text: String) -> RequirementResponse {
        guard let requirement = try? Requirement(parsing: text),
            requirement.marker?.renderingProblem == nil
        else {
            return RequirementResponse(valid: false)
        }
        return RequirementResponse(
            valid: true, name: requirement.name.display, extras: requirement.extras,
            specifier: requirement.specifier.description, url: requirement.url,
            marker: requirement.marker?.description)
    }

    @Test func requirementsAgreeWithPackaging() throws {
        let vectors = try decodeJSONLines(
            RequirementVector.self, folder: "pep508", name: "requirements")
        #expect(vectors.count > 5000)
        var mismatches = 0
        for vector in vectors where answer(vector.request.input) != vector.response {
            mismatches += 1
            if mismatches <= 10 {
                Issue.record("'\(vector.request.input)': \(answer(vector.request.input))")
            }
        }
        #expect(mismatches == 0)
    }

    enum EnvironmentValue: Decodable {
        case string(String)
        case strings([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .string(text)
            } else {
                self = .strings(try container.decode([String].self))
            }
        }
    }
    struct MarkerRequest: Decodable {
        var marker: String
        var env: [String: EnvironmentValue]
    }
    struct MarkerResponse: Decodable, Equatable {
        var valid: Bool
        var result: Bool?
    }
    struct MarkerVector: Decodable {
        var request: MarkerRequest
        var response: MarkerResponse
    }

    func answer(_ request: MarkerRequest) -> MarkerResponse {
        let environment = MarkerEnvironment(
            preparing: request.env.mapValues { value in
                switch value {
                case .string(let text): .string(text)
                case .strings(let names): .set(Set(names))
                }
            })
        guard let marker = try? Marker(parsing: request.marker),
            let result = try? marker.evaluate(in: environment)
        else {
            return MarkerResponse(valid: false)
        }
        return MarkerResponse(valid: true, result: result)
    }

    @Test func markersAgreeWithPackaging() throws {
        let vectors = try decodeJSONLines(MarkerVector.self, folder: "pep508", name: "markers")
        #expect(vectors.count > 5000)
        var mismatches = 0
        for vector in vectors where answer(vector.request) != vector.response {
            mismatches += 1
            if mismatches <= 10 {
                Issue.record("'\(vector.request.marker)': \(answer(vector.request))")
            }
        }
        #expect(mismatches == 0)
    }
}
