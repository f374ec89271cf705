/* SPDX-License-Identifier: MIT */
/*
 * Notifications and indirect messages: the partition-side API and the
 * platform's schedule-receiver interrupt hook. Included by spmc/spmc.h.
 */
#ifndef SPMC_NOTIF_H
#define SPMC_NOTIF_H

#include <stdint.h>

struct spmc;

/*
 * Publish `intid` (an SGI the normal world owns, 0..15) as the
 * schedule-receiver interrupt through FFA_FEATURES, and call
 * raise(plat.ctx, intid) whenever a notification becomes pending, to pend
 * it on the calling CPU. Call once after spmc_init; without it notifications
 * still work but the normal world must poll NOTIFICATION_INFO_GET.
 * INVALID_PARAMETERS for an intid that is not an SGI or a NULL raise.
 */
int32_t spmc_notif_set_sri(struct spmc *s, uint32_t intid,
			   void (*raise)(void *ctx, uint32_t intid));

/*
 * Partition sp_id sets notifications `bitmap` of NS endpoint `receiver`
 * (FFA_NOTIFICATION_SET as a partition calls it; flags as its w2:
 * FFA_NOTIF_FLAG_PER_VCPU, FFA_NOTIF_SET_FLAG_DELAY_SRI, the vCPU in
 * 31:16). INVALID_PARAMETERS: not a partition, receiver without a bitmap,
 * empty bitmap, reserved flags, vCPU out of range, or a per-vCPU flag that
 * does not match the binding; DENIED: some notification not bound to sp_id.
 */
int32_t spmc_sp_notify(struct spmc *s, uint16_t sp_id, uint16_t receiver,
		       uint32_t flags, uint64_t bitmap);

/* An indirect message as the receiving partition sees it (until release). */
struct spmc_sp_imsg {
	uint16_t sender;
	uint32_t size;               /* payload bytes */
	const uint8_t *payload;
};

/*
 * The message in partition sp_id's RX buffer: FFA_RET_SUCCESS and *out, or
 * NO_DATA when RX is empty, INVALID_PARAMETERS for a partition that takes
 * no indirect messages. RX stays the partition's until spmc_sp_msg_release
 * (DENIED when it holds nothing).
 */
int32_t spmc_sp_msg_get(struct spmc *s, uint16_t sp_id, struct spmc_sp_imsg *out);
int32_t spmc_sp_msg_release(struct spmc *s, uint16_t sp_id);

#endif /* SPMC_NOTIF_H */
