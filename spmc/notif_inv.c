// SPDX-License-Identifier: MIT
/*
 * Consistency rules of the notification and indirect-message state, for
 * spmc_check_invariants (called with the core lock held).
 */
#include "spmc/spmc_int.h"

#define FAIL(msg) do { *why = (msg); return 1; } while (0)

static int check_senders(const struct spmc *s, const struct spmc_notif_bitmap *b,
			 const char **why)
{
	for (uint32_t n = 0; n < FFA_NOTIF_COUNT; n++) {
		uint16_t snd = b->sender[n];

		if (!(b->bound >> n & 1u)) {
			if (snd)
				FAIL("unbound notification has a sender");
			continue;
		}
		if (!ffa_id_is_secure(snd) || spmc_part_index(s, snd) < 0)
			FAIL("notification bound to something that is not a partition");
	}
	return 0;
}

static int check_bitmap(const struct spmc *s, uint32_t i, const char **why)
{
	const struct spmc_notif_bitmap *b = &s->notif.bm[i];

	if (!b->created) {
		if (!spmc_all_zero(b, sizeof(*b)))
			FAIL("unused notification bitmap slot not cleared");
		return 0;
	}
	if (ffa_id_is_secure(b->id))
		FAIL("notification bitmap of a secure endpoint");
	if (b->vcpu_count == 0 || b->vcpu_count > SPMC_NOTIF_MAX_VCPUS)
		FAIL("notification bitmap vCPU count out of range");
	for (uint32_t j = 0; j < i; j++)
		if (s->notif.bm[j].created && s->notif.bm[j].id == b->id)
			FAIL("two notification bitmaps for one endpoint");
	if (b->per_vcpu & ~b->bound)
		FAIL("per-vCPU notification that is not bound");
	if (b->pending & ~(b->bound & ~b->per_vcpu))
		FAIL("global pending notification not bound as global");
	if (b->global_reported && !b->pending)
		FAIL("INFO_GET report kept for nothing pending");
	for (uint32_t v = 0; v < SPMC_NOTIF_MAX_VCPUS; v++) {
		bool reported = b->vcpu_reported >> v & 1u;

		if (v >= b->vcpu_count) {
			if (b->vcpu_pending[v] || reported)
				FAIL("notification pending for a vCPU the endpoint does not have");
			continue;
		}
		if (b->vcpu_pending[v] & ~b->per_vcpu)
			FAIL("per-vCPU pending notification not bound as per-vCPU");
		if (reported && !b->vcpu_pending[v])
			FAIL("INFO_GET report kept for a vCPU with nothing pending");
	}
	return check_senders(s, b, why);
}

static int check_imsg(const struct spmc *s, const char **why)
{
	for (uint32_t i = 0; i < SPMC_MAX_PARTITIONS; i++) {
		const struct spmc_imsg_rx *rx = &s->imsg[i];
		bool takes = i < s->part_count &&
			     (s->parts[i]->properties & FFA_PART_PROP_INDIRECT_MSG);

		if (!rx->full) {
			if (rx->sender || rx->size || !spmc_all_zero(rx->buf, sizeof(rx->buf)))
				FAIL("empty indirect-message RX not cleared");
			continue;
		}
		if (!takes)
			FAIL("indirect message held for a partition that takes none");
		if (ffa_id_is_secure(rx->sender) || rx->size > SPMC_IMSG_SIZE ||
		    !spmc_all_zero(rx->buf + rx->size, sizeof(rx->buf) - rx->size))
			FAIL("indirect message RX inconsistent");
	}
	return 0;
}

int spmc_notif_check(const struct spmc *s, const char **why)
{
	uint32_t created = 0;

	for (uint32_t i = 0; i < SPMC_NOTIF_BITMAPS; i++) {
		if (check_bitmap(s, i, why))
			return 1;
		created += s->notif.bm[i].created;
	}
	if (created != s->notif.created)
		FAIL("notification bitmap count drifted");
	if (s->notif.sri_intid > 15 || (!s->notif.raise_sri && s->notif.sri_intid))
		FAIL("schedule-receiver interrupt is not an SGI");
	return check_imsg(s, why);
}
