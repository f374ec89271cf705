// SPDX-License-Identifier: MIT
/*
 * NOTIFICATION_INFO_GET: which NS endpoints (and which of their vCPUs) have
 * notifications pending that no earlier INFO_GET reported, as lists of
 * 16-bit IDs packed into x3-x7. Each pending part is reported once; what
 * does not fit is left for the next call, flagged "more pending".
 */
#include "spmc/spmc_int.h"

struct info_out {
	uint16_t ids[FFA_NOTIF_INFO_MAX_IDS_64];
	uint32_t nids;
	uint32_t nlists;
	uint32_t max_ids;            /* one list holds at least one ID */
	uint64_t sizes;              /* two bits per list: its vCPU IDs */
	bool more;
};

static bool add_list(struct info_out *o, uint16_t id, const uint16_t *vcpus, uint32_t k)
{
	if (o->nlists == o->max_ids || o->nids + 1u + k > o->max_ids) {
		o->more = true;
		return false;
	}
	o->sizes |= (uint64_t)k << (2u * o->nlists);
	o->ids[o->nids++] = id;
	for (uint32_t i = 0; i < k; i++)
		o->ids[o->nids++] = vcpus[i];
	o->nlists++;
	return true;
}

/* The vCPU lists of one bitmap, FFA_NOTIF_INFO_MAX_VCPUS vCPUs a list. */
static void add_vcpus(struct info_out *o, struct spmc_notif_bitmap *b)
{
	uint16_t chunk[FFA_NOTIF_INFO_MAX_VCPUS];
	uint32_t k = 0, mask = 0;

	for (uint32_t v = 0; v < b->vcpu_count && !o->more; v++) {
		if (!b->vcpu_pending[v] || (b->vcpu_reported >> v & 1u))
			continue;
		chunk[k++] = (uint16_t)v;
		mask |= 1u << v;
		if (k < FFA_NOTIF_INFO_MAX_VCPUS)
			continue;
		if (add_list(o, b->id, chunk, k))
			b->vcpu_reported |= mask;
		k = 0;
		mask = 0;
	}
	if (k && !o->more && add_list(o, b->id, chunk, k))
		b->vcpu_reported |= mask;
}

static void collect(struct spmc *s, struct info_out *o)
{
	for (uint32_t i = 0; i < SPMC_NOTIF_BITMAPS && !o->more; i++) {
		struct spmc_notif_bitmap *b = &s->notif.bm[i];

		if (!b->created)
			continue;
		if (b->pending && !b->global_reported && add_list(o, b->id, NULL, 0))
			b->global_reported = true;
		if (!o->more)
			add_vcpus(o, b);
	}
}

void spmc_notif_info_get(struct spmc *s, struct ffa_regs *r, bool is64)
{
	uint32_t per_reg = is64 ? 4u : 2u;
	struct info_out o;

	ffa_memset(&o, 0, sizeof(o));
	o.max_ids = is64 ? FFA_NOTIF_INFO_MAX_IDS_64 : FFA_NOTIF_INFO_MAX_IDS_32;
	collect(s, &o);
	if (!o.nlists) {
		ffa_set_error(r, FFA_RET_NO_DATA);
		return;
	}
	ffa_regs_clear(r);
	r->x[0] = is64 ? FFA_SUCCESS_64 : FFA_SUCCESS_32;
	r->x[2] = (o.more ? FFA_NOTIF_INFO_MORE_PENDING : 0u) |
		  (uint64_t)o.nlists << FFA_NOTIF_INFO_LISTS_SHIFT |
		  o.sizes << FFA_NOTIF_INFO_SIZES_SHIFT;
	for (uint32_t i = 0; i < o.nids; i++)
		r->x[3u + i / per_reg] |= (uint64_t)o.ids[i] << (16u * (i % per_reg));
}
