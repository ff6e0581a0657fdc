/// The fields of an H.264 sequence and picture parameter set that a P slice header depends on
/// (ITU-T H.264 §7.3.2.1.1 and §7.3.2.2), read from the SPS and PPS an encoder produced.
struct H264ParameterSets: Sendable, Equatable {
    /// `log2_max_frame_num_minus4 + 4`: bits of `frame_num`.
    var log2MaxFrameNum: Int
    /// `pic_order_cnt_type` (0 or 2; 1 is refused).
    var picOrderCountType: UInt32
    /// `log2_max_pic_order_cnt_lsb_minus4 + 4`, for type 0.
    var log2MaxPicOrderCountLSB: Int
    /// `frame_mbs_only_flag` (interlaced streams are refused).
    var frameMBsOnly: Bool
    /// `ChromaArrayType`: 0 for monochrome or separate planes, else `chroma_format_idc`.
    var chromaArrayType: UInt32
    /// `PicSizeInMbs`: macroblocks in a frame.
    var macroblocks: Int
    /// `pic_parameter_set_id`.
    var ppsID: UInt32
    /// `entropy_coding_mode_flag`: CABAC when set.
    var cabac: Bool
    /// `bottom_field_pic_order_in_frame_present_flag`.
    var bottomFieldPicOrderPresent: Bool
    /// `num_ref_idx_l0_default_active_minus1`.
    var defaultReferencesMinus1: UInt32
    /// `weighted_pred_flag`.
    var weightedPrediction: Bool
    /// `deblocking_filter_control_present_flag`.
    var deblockingControlPresent: Bool
    /// `redundant_pic_cnt_present_flag`.
    var redundantPicCountPresent: Bool

    /// Reads the parameter sets.
    /// - Parameters:
    ///   - sps: The SPS NAL unit (header byte included, escaped).
    ///   - pps: The PPS NAL unit.
    /// - Throws: `VideoError` (`.media`) for a truncated set or one this writer cannot follow
    ///   (interlaced, picture order count type 1, slice groups).
    init(sps: [UInt8], pps: [UInt8]) throws {
        var r = H264BitReader(rbsp: H264NAL.rbsp(sps))
        let profile = try r.bits(8)
        _ = try r.bits(16)  // constraint flags, level_idc
        _ = try r.ue()  // seq_parameter_set_id
        var chromaFormat: UInt32 = 1
        var separatePlanes = false
        if [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].contains(profile) {
            chromaFormat = try r.ue()
            if chromaFormat == 3 { separatePlanes = try r.flag() }
            _ = try r.ue()  // bit_depth_luma_minus8
            _ = try r.ue()  // bit_depth_chroma_minus8
            _ = try r.flag()  // qpprime_y_zero_transform_bypass_flag
            if try r.flag() {  // seq_scaling_matrix_present_flag
                for list in 0..<(chromaFormat != 3 ? 8 : 12) where try r.flag() {
                    var (last, next): (Int32, Int32) = (8, 8)
                    for _ in 0..<(list < 6 ? 16 : 64) {
                        if next != 0 { next = (last + (try r.se()) + 256) % 256 }
                        last = next == 0 ? last : next
                    }
                }
            }
        }
        log2MaxFrameNum = Int(try r.ue()) + 4
        picOrderCountType = try r.ue()
        log2MaxPicOrderCountLSB = 0
        switch picOrderCountType {
        case 0: log2MaxPicOrderCountLSB = Int(try r.ue()) + 4
        case 2: break
        default:
            throw VideoError(.media, "H.264 picture order count type \(picOrderCountType) is not supported here")
        }
        _ = try r.ue()  // max_num_ref_frames
        _ = try r.flag()  // gaps_in_frame_num_value_allowed_flag
        let widthInMBs = Int(try r.ue()) + 1
        let heightInMapUnits = Int(try r.ue()) + 1
        frameMBsOnly = try r.flag()
        guard frameMBsOnly else { throw VideoError(.media, "interlaced H.264 is not supported here") }
        macroblocks = widthInMBs * heightInMapUnits
        chromaArrayType = separatePlanes ? 0 : chromaFormat

        var p = H264BitReader(rbsp: H264NAL.rbsp(pps))
        ppsID = try p.ue()
        _ = try p.ue()  // seq_parameter_set_id
        cabac = try p.flag()
        bottomFieldPicOrderPresent = try p.flag()
        guard try p.ue() == 0 else { throw VideoError(.media, "H.264 slice groups are not supported here") }
        defaultReferencesMinus1 = try p.ue()
        _ = try p.ue()  // num_ref_idx_l1_default_active_minus1
        weightedPrediction = try p.flag()
        _ = try p.bits(2)  // weighted_bipred_idc
        _ = try p.se()  // pic_init_qp_minus26
        _ = try p.se()  // pic_init_qs_minus26
        _ = try p.se()  // chroma_qp_index_offset
        deblockingControlPresent = try p.flag()
        _ = try p.flag()  // constrained_intra_pred_flag
        redundantPicCountPresent = try p.flag()
    }

    /// What a coded picture's first slice header says about its place in the sequence.
    struct SliceInfo: Equatable {
        /// `nal_ref_idc`: non-zero for a reference picture.
        var referenceIDC: UInt8
        /// `frame_num`.
        var frameNum: UInt32
        /// `pic_order_cnt_lsb` (type 0 only; 0 otherwise).
        var picOrderCountLSB: UInt32
    }

    /// Reads the start of the first slice of a coded picture (an Annex B packet, which may
    /// begin with SEI or parameter sets).
    /// - Throws: `VideoError` (`.media`) when the packet holds no slice.
    func sliceInfo(annexB packet: [UInt8]) throws -> SliceInfo {
        guard let slice = H264NAL.units(annexB: packet).first(where: { [1, 5].contains(($0.first ?? 0) & 0x1F) })
        else { throw VideoError(.media, "an H.264 packet holds no slice") }
        var r = H264BitReader(rbsp: H264NAL.rbsp(slice))
        _ = try r.ue()  // first_mb_in_slice
        _ = try r.ue()  // slice_type
        _ = try r.ue()  // pic_parameter_set_id
        let frameNum = try r.bits(log2MaxFrameNum)
        if slice[0] & 0x1F == 5 { _ = try r.ue() }  // idr_pic_id
        let lsb = picOrderCountType == 0 ? try r.bits(log2MaxPicOrderCountLSB) : 0
        return SliceInfo(referenceIDC: (slice[0] >> 5) & 3, frameNum: frameNum, picOrderCountLSB: lsb)
    }
}
