import Foundation
import Testing

@testable import VideoCore

/// libavutil's SHA-256 against the FIPS 180-2 test vectors (appendix B): the service keeps API
/// keys only as these digests, so a wrong digest would refuse every key.
@Suite struct SHA256DigestTests {
    @Test func digestsMatchTheStandardsVectors() {
        #expect(
            SHA256Digest.hex(of: Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256Digest.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256Digest.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
