/// Per-frame conversions for `MediaProbe`: grayscale thumbnails (swscale) and mono mixing (swresample).
internal import CFFmpeg

extension MediaProbe {
    /// Scales decoded pictures of any format to small GRAY8 thumbnails and hashes their luma.
    final class Thumbnailer {
        private let width: Int
        private let height: Int
        private let scaler: GrayScaler

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            scaler = GrayScaler(width: width, height: height)
        }

        func signature(of frame: UnsafeMutablePointer<AVFrame>, path: String) throws -> FrameSignature {
            let pixels = try scaler.thumbnail(of: frame, what: path)
            return FrameSignature(width: width, height: height, pixels: pixels, hash: lumaHash(frame))
        }

        /// FNV-1a of plane 0 (luma for YUV formats), visible bytes only.
        private func lumaHash(_ frame: UnsafeMutablePointer<AVFrame>) -> UInt64 {
            var hash = MediaProbe.fnvOffsetBasis
            let rowBytes = Int(
                av_image_get_linesize(AVPixelFormat(rawValue: frame.pointee.format), frame.pointee.width, 0))
            guard rowBytes > 0, let base = CFFmpeg_frame_plane(frame, 0) else { return hash }
            let linesize = Int(CFFmpeg_frame_linesize(frame, 0))
            for row in 0..<Int(frame.pointee.height) {
                MediaProbe.fnv1a(UnsafeBufferPointer(start: base + row * linesize, count: rowBytes), into: &hash)
            }
            return hash
        }
    }

    /// Converts decoded audio of any sample format to Float and averages its channels to mono.
    final class MonoMixer {
        private var context: OpaquePointer?
        private var channels = 0
        private var format: Int32 = -1
        /// The sample rate of the audio seen so far (0 before the first frame).
        private(set) var sampleRate = 0

        deinit { swr_free(&context) }

        func append(_ frame: UnsafeMutablePointer<AVFrame>, to samples: inout [Float], path: String) throws {
            if context == nil {
                try setUp(for: frame, path: path)
            } else if frame.pointee.format != format || Int(frame.pointee.sample_rate) != sampleRate
                || Int(frame.pointee.ch_layout.nb_channels) != channels
            {
                throw VideoError(.media, "\(path): the audio changes format part-way through")
            }
            let input = UnsafeMutableRawPointer(frame.pointee.extended_data)?
                .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            try convert(input, count: frame.pointee.nb_samples, into: &samples, path: path)
        }

        /// Drains anything swresample still holds.
        func flush(to samples: inout [Float], path: String) throws {
            guard context != nil else { return }
            try convert(nil, count: 0, into: &samples, path: path)
        }

        private func setUp(for frame: UnsafeMutablePointer<AVFrame>, path: String) throws {
            var layout = AVChannelLayout()
            defer { av_channel_layout_uninit(&layout) }
            if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame.pointee.ch_layout.nb_channels <= 0 {
                av_channel_layout_default(&layout, max(frame.pointee.ch_layout.nb_channels, 1))
            } else {
                try avCheck(
                    av_channel_layout_copy(&layout, &frame.pointee.ch_layout), "\(path): reading the channel layout")
            }
            // Same layout in and out: swresample only converts the sample format; channels are averaged here.
            let inputFormat = AVSampleFormat(rawValue: frame.pointee.format)
            let rate = frame.pointee.sample_rate
            var status = withUnsafeMutablePointer(to: &layout) { layout in
                swr_alloc_set_opts2(&context, layout, AV_SAMPLE_FMT_FLT, rate, layout, inputFormat, rate, 0, nil)
            }
            if status >= 0 { status = swr_init(context) }
            guard status >= 0 else {
                swr_free(&context)
                throw VideoError(.media, "\(path): setting up audio conversion: \(avErrorString(status))")
            }
            channels = Int(layout.nb_channels)
            format = frame.pointee.format
            sampleRate = Int(frame.pointee.sample_rate)
        }

        private func convert(
            _ input: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32, into samples: inout [Float],
            path: String
        ) throws {
            let capacity = Int(swr_get_out_samples(context, count))
            guard capacity > 0 else { return }
            var interleaved = [Float](repeating: 0, count: capacity * channels)
            let produced = interleaved.withUnsafeMutableBytes { raw in
                var output: UnsafeMutablePointer<UInt8>? = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                return swr_convert(context, &output, Int32(capacity), input, count)
            }
            try avCheck(produced, "\(path): converting audio")
            let scale = 1 / Float(channels)
            samples.reserveCapacity(samples.count + Int(produced))
            for index in 0..<Int(produced) {
                var sum: Float = 0
                for channel in 0..<channels { sum += interleaved[index * channels + channel] }
                samples.append(sum * scale)
            }
        }
    }
}
