internal import CFFmpeg
import Foundation

/// The AAC track of an MP4 being written: buffers samples into encoder-sized frames.
extension MP4Writer {
    /// Owns the AAC encoder of a container and the samples waiting for a full frame.
    final class AudioTrack {
        let encoder: Encoder
        private let container: Container
        private let sampleRate: Int
        private let channels: Int
        /// Samples per frame of input: 1 (mono, copied to every channel) or `channels` (interleaved).
        private let inputChannels: Int
        /// Samples accepted but not yet sent (less than one frame's worth after each call).
        private var pending: [Float] = []
        /// Sample frames sent to the encoder so far: the next frame's pts.
        private var samplesEncoded = 0

        /// - Parameter interleaved: Whether input comes as interleaved frames of `channels`
        ///   samples; otherwise it is mono, copied to every channel.
        init(container: Container, sampleRate: Int, channels: Int, interleaved: Bool = false) throws {
            self.container = container
            self.sampleRate = sampleRate
            self.channels = channels
            inputChannels = interleaved ? channels : 1
            // The "fast" coder costs a quarter of the default "twoloop" for no audible loss on speech.
            encoder = try Encoder(
                name: "aac", what: "AAC audio", container: container, defaultDuration: 1024,
                options: [("aac_coder", "fast")]
            ) { context in
                context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
                context.pointee.sample_rate = Int32(sampleRate)
                context.pointee.time_base = AVRational(num: 1, den: Int32(sampleRate))
                context.pointee.bit_rate = channels == 2 ? 160_000 : 96_000
                var layout = channels == 2 ? CFFmpeg_layout_stereo() : CFFmpeg_layout_mono()
                try avCheck(av_channel_layout_copy(&context.pointee.ch_layout, &layout), "setting the audio layout")
            }
        }

        private var frameSize: Int { Int(encoder.context.pointee.frame_size) }

        /// Appends samples (mono or interleaved, as the track was made), encoding every full frame.
        func write(_ samples: [Float]) throws {
            pending.append(contentsOf: samples)
            let size = frameSize * inputChannels
            var start = 0
            while pending.count - start >= size {
                try encode(pending[start..<start + size])
                start += size
            }
            pending.removeFirst(start)
        }

        /// Encodes the last partial frame and flushes the encoder.
        func finish() throws {
            if !pending.isEmpty {
                // The AAC encoder accepts a short last frame, pads it itself and reports the real duration.
                let canTakeShortFrame =
                    (encoder.context.pointee.codec.pointee.capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME) != 0
                if !canTakeShortFrame {
                    pending.append(contentsOf: repeatElement(0, count: frameSize * inputChannels - pending.count))
                }
                try encode(pending[...])
                pending = []
            }
            try encoder.send(nil, to: container)
        }

        /// Sends up to one frame of samples: mono ones copied to every channel, interleaved ones
        /// split into the encoder's planes.
        private func encode(_ samples: ArraySlice<Float>) throws {
            let count = samples.count / inputChannels
            guard let frame = av_frame_alloc() else { throw VideoError(.encoding, "could not allocate an audio frame") }
            defer { var owned: UnsafeMutablePointer<AVFrame>? = frame; av_frame_free(&owned) }
            frame.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
            frame.pointee.nb_samples = Int32(count)
            frame.pointee.sample_rate = Int32(sampleRate)
            try avCheck(
                av_channel_layout_copy(&frame.pointee.ch_layout, &encoder.context.pointee.ch_layout),
                "setting the audio layout")
            try avCheck(av_frame_get_buffer(frame, 0), "allocating an audio frame", code: .encoding)
            samples.withUnsafeBufferPointer { source in
                for channel in 0..<channels {
                    let plane = UnsafeMutableRawPointer(CFFmpeg_frame_plane(frame, Int32(channel))!)
                        .bindMemory(to: Float.self, capacity: count)
                    if inputChannels == 1 {
                        plane.update(from: source.baseAddress!, count: count)
                    } else {
                        for i in 0..<count { plane[i] = source[i &* inputChannels &+ channel] }
                    }
                }
            }
            frame.pointee.pts = Int64(samplesEncoded)
            samplesEncoded += count
            try encoder.send(frame, to: container)
        }
    }
}
