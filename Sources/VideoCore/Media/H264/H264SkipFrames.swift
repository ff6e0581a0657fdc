/// Coded pictures that repeat the previous one: P slices whose every macroblock is P_Skip.
///
/// A P_Skip macroblock has no residual, reference index 0 and the predicted motion vector,
/// which is zero when every neighbour is itself a zero-motion P_Skip or missing (§8.4.1.1), so
/// an all-skip picture is an exact copy of the latest reference picture. Each skip picture is a
/// reference picture itself (`nal_ref_idc` 2, sliding-window marking), so `frame_num` goes up by
/// one per picture and picture order count type 2 (which forbids two non-reference pictures in
/// a row) keeps working; deblocking is switched off in the slice (it would change nothing
/// anyway: no coefficients, no motion). See Docs/SkipFrames.md for the clauses.
///
/// Only CAVLC streams are written (`entropy_coding_mode_flag` 0): there the whole slice data is
/// one `mb_skip_run` (§7.3.4). CABAC streams are refused.
struct H264SkipFrames: Sendable {
    private let sets: H264ParameterSets

    /// Follows the parameter sets in `extradata` (AVCC or Annex B).
    /// - Throws: `VideoError` (`.media`) when they cannot be read or use CABAC.
    init(extradata: [UInt8]) throws {
        let (sps, pps) = try H264NAL.parameterSets(extradata: extradata)
        sets = try H264ParameterSets(sps: sps, pps: pps)
        guard !sets.cabac else {
            throw VideoError(
                .media, "skip frames need a CAVLC stream (entropy_coding_mode_flag 0); this one uses CABAC")
        }
    }

    /// The `count` skip pictures that follow the coded picture `last` (an Annex B packet of the
    /// same stream), each as an Annex B packet.
    /// - Throws: `VideoError` (`.media`) when `last` holds no slice or is not a reference picture.
    func pictures(after last: [UInt8], count: Int) throws -> [[UInt8]] {
        let info = try sets.sliceInfo(annexB: last)
        guard info.referenceIDC != 0 else {
            throw VideoError(.media, "skip frames must follow a reference picture (nal_ref_idc 0 here)")
        }
        let frameNums = UInt32(1) << UInt32(sets.log2MaxFrameNum)
        let lsbs = UInt32(1) << UInt32(sets.log2MaxPicOrderCountLSB)
        guard count > 0 else { return [] }
        return (1...count).map { k in
            slice(
                frameNum: (info.frameNum + UInt32(k)) % frameNums,
                picOrderCountLSB: sets.picOrderCountType == 0 ? (info.picOrderCountLSB + 2 * UInt32(k)) % lsbs : 0)
        }
    }

    /// One all-skip P slice NAL unit (type 1, non-IDR) behind an Annex B start code.
    func slice(frameNum: UInt32, picOrderCountLSB: UInt32) -> [UInt8] {
        var w = H264BitWriter()
        // slice_header(), §7.3.3
        w.ue(0)  // first_mb_in_slice
        w.ue(5)  // slice_type: P, and every slice of the picture is P
        w.ue(sets.ppsID)
        w.bits(frameNum, sets.log2MaxFrameNum)
        if sets.picOrderCountType == 0 {
            w.bits(picOrderCountLSB, sets.log2MaxPicOrderCountLSB)
            if sets.bottomFieldPicOrderPresent { w.se(0) }  // delta_pic_order_cnt_bottom
        }
        if sets.redundantPicCountPresent { w.ue(0) }  // redundant_pic_cnt
        // num_ref_idx_active_override_flag: one active reference, the latest picture.
        if sets.defaultReferencesMinus1 == 0 {
            w.bit(false)
        } else {
            w.bit(true)
            w.ue(0)
        }
        w.bit(false)  // ref_pic_list_modification_flag_l0 (§7.3.3.1)
        if sets.weightedPrediction {  // pred_weight_table(), §7.3.3.2: default weights
            w.ue(0)  // luma_log2_weight_denom
            if sets.chromaArrayType != 0 { w.ue(0) }  // chroma_log2_weight_denom
            w.bit(false)  // luma_weight_l0_flag[0]
            if sets.chromaArrayType != 0 { w.bit(false) }  // chroma_weight_l0_flag[0]
        }
        w.bit(false)  // dec_ref_pic_marking(): adaptive_ref_pic_marking_mode_flag (sliding window)
        w.se(0)  // slice_qp_delta
        if sets.deblockingControlPresent { w.ue(1) }  // disable_deblocking_filter_idc: off
        // slice_data(), §7.3.4: every macroblock skipped, then no more data.
        w.ue(UInt32(sets.macroblocks))  // mb_skip_run
        w.trailingBits()
        // nal_unit_header: forbidden_zero_bit 0, nal_ref_idc 2, nal_unit_type 1.
        return H264NAL.annexB(header: 0x41, rbsp: w.bytes)
    }
}
