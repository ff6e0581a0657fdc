internal import CFFmpeg
/// The AAC track of an MP4 being written: buffers mono samples into encoder-sized frames.
import Foundation

extension MP4Writer {
    /// Owns the AAC encoder of a container and the samples waiting for a full frame.
    final class AudioTrack {
        let encoder: Encoder
        private let container: Container
        private let sampleRate: Int
        private let channels: Int
        /// Samples accepted but not yet sent (fewer than one frame after each call).
        private var pending: [Float] = []
        /// Samples sent to the encoder so far: the next frame's pts.
        private var samplesEncoded = 0

        init(container: Container, sampleRate: Int, channels: Int) throws {
            self.container = container
            self.sampleRate = sampleRate
            self.channels = channels
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

        /// Appends mono samples, encoding every full frame.
        func write(_ samples: [Float]) throws {
            pending.append(contentsOf: samples)
            let size = frameSize
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
                if !canTakeShortFrame { pending.append(contentsOf: repeatElement(0, count: frameSize - pending.count)) }
                try encode(pending[...])
                pending = []
            }
            try encoder.send(nil, to: container)
        }

        /// Sends up to one frame of mono samples, copied to every channel.
        private func encode(_ samples: ArraySlice<Float>) throws {
            guard let frame = av_frame_alloc() else { throw VideoError(.encoding, "could not allocate an audio frame") }
            defer { var owned: UnsafeMutablePointer<AVFrame>? = frame; av_frame_free(&owned) }
            frame.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
            frame.pointee.nb_samples = Int32(samples.count)
            frame.pointee.sample_rate = Int32(sampleRate)
            try avCheck(
                av_channel_layout_copy(&frame.pointee.ch_layout, &encoder.context.pointee.ch_layout),
                "setting the audio layout")
            try avCheck(av_frame_get_buffer(frame, 0), "allocating an audio frame", code: .encoding)
            samples.withUnsafeBufferPointer { source in
                for channel in 0..<channels {
                    let plane = UnsafeMutableRawPointer(CFFmpeg_frame_plane(frame, Int32(channel))!)
                    plane.bindMemory(to: Float.self, capacity: source.count).update(
                        from: source.baseAddress!, count: source.count)
                }
            }
            frame.pointee.pts = Int64(samplesEncoded)
            samplesEncoded += samples.count
            try encoder.send(frame, to: container)
        }
    }
}
