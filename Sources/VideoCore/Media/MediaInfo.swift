/// What `MediaProbe.inspect(_:)` reports about a media file.

/// The streams, sizes and measured durations of a media file.
///
/// Durations are measured from the packets themselves, not from container headers: the video
/// duration runs from the first frame's presentation time to the end of the last frame, and the
/// audio duration covers what a player plays (encoder priming that the container marks for
/// discarding is excluded).
package struct MediaInfo: Sendable, Equatable {
    /// Short name of the video codec (for example "h264"), or `nil` without a video stream.
    package var videoCodec: String?
    /// Short name of the audio codec (for example "aac"), or `nil` without an audio stream.
    package var audioCodec: String?
    /// Picture width in pixels (0 without video).
    package var width: Int
    /// Picture height in pixels (0 without video).
    package var height: Int
    /// Average frame rate (0 without video).
    package var fps: Double
    /// Number of video packets in the file, i.e. coded frames.
    package var videoFrameCount: Int
    /// Seconds from the first frame's start to the last frame's end (0 without video).
    package var videoDuration: Double
    /// Seconds of audio a player plays (0 without audio).
    package var audioDuration: Double
    /// Audio sample rate in hertz (0 without audio).
    package var audioSampleRate: Int
    /// Audio channels (0 without audio).
    package var audioChannels: Int
    /// libavformat's name for the container (for example "mov,mp4,m4a,3gp,3g2,mj2").
    package var formatName: String
}
