// SPDX-License-Identifier: MIT
/*
 * FF-A notifications (v1.1+) with our logical partitions as senders and NS
 * endpoints as receivers: the normal world (or the hypervisor, for its VMs)
 * creates a bitmap per endpoint and binds notification IDs to a sending
 * partition; a partition sets them (spmc_sp_notify), which pends the
 * schedule-receiver interrupt; the normal world learns who has something
 * pending with NOTIFICATION_INFO_GET and collects it with NOTIFICATION_GET.
 * Every handler here runs with the core lock held.
 */
#include "spmc/spmc_int.h"

static bool notif_available(const struct spmc *s)
{
	return spmc_ns_version(s) >= FFA_VERSION_1_1;
}

static struct spmc_notif_bitmap *bm_find(struct spmc *s, uint16_t id)
{
	for (uint32_t i = 0; i < SPMC_NOTIF_BITMAPS; i++)
		if (s->notif.bm[i].created && s->notif.bm[i].id == id)
			return &s->notif.bm[i];
	return NULL;
}

static bool is_partition(const struct spmc *s, uint16_t id)
{
	return ffa_id_is_secure(id) && spmc_part_index(s, id) >= 0;
}

int32_t spmc_notif_set_sri(struct spmc *s, uint32_t intid,
			   void (*raise)(void *ctx, uint32_t intid))
{
	if (!s || !raise || intid > 15)
		return FFA_RET_INVALID_PARAMETERS;
	spmc_lock(s, SPMC_LOCK_CORE);
	s->notif.sri_intid = intid;
	s->notif.raise_sri = raise;
	spmc_unlock(s, SPMC_LOCK_CORE);
	return FFA_RET_SUCCESS;
}

bool spmc_is_notif_fid(uint32_t fid)
{
	return (fid >= FFA_NOTIFICATION_BITMAP_CREATE && fid <= FFA_NOTIFICATION_INFO_GET_32) ||
	       fid == FFA_NOTIFICATION_INFO_GET_64;
}

bool spmc_notif_feature(const struct spmc *s, uint32_t id, uint32_t *props)
{
	if (!notif_available(s))
		return false;
	*props = 0;
	switch (id) {
	case FFA_FEATURE_SRI:
		/* w2 is the interrupt ID the normal world maps (an SGI here). */
		if (!s->notif.raise_sri)
			return false;
		*props = s->notif.sri_intid;
		return true;
	default:
		/* NPI and MEI are for partitions scheduled by the SPMC: none here. */
		return spmc_is_notif_fid(id);
	}
}

/* w1 of BITMAP_CREATE/DESTROY: an NS endpoint ID, bits 31:16 reserved. */
static int32_t bitmap_id(const struct ffa_regs *r, uint16_t *id)
{
	uint32_t w1 = ffa_w(r, 1);

	if (w1 & ~FFA_NOTIF_VM_ID_MASK || ffa_id_is_secure((uint16_t)w1))
		return FFA_RET_INVALID_PARAMETERS;
	*id = (uint16_t)w1;
	return FFA_RET_SUCCESS;
}

static void bitmap_create(struct spmc *s, struct ffa_regs *r)
{
	uint32_t vcpus = ffa_w(r, 2);
	uint16_t id;
	int32_t ret = bitmap_id(r, &id);

	if (ret == FFA_RET_SUCCESS && (vcpus == 0 || vcpus > SPMC_NOTIF_MAX_VCPUS))
		ret = FFA_RET_INVALID_PARAMETERS;
	if (ret == FFA_RET_SUCCESS && bm_find(s, id))
		ret = FFA_RET_DENIED;
	if (ret != FFA_RET_SUCCESS) {
		ffa_set_error(r, ret);
		return;
	}
	for (uint32_t i = 0; i < SPMC_NOTIF_BITMAPS; i++) {
		struct spmc_notif_bitmap *b = &s->notif.bm[i];

		if (b->created)
			continue;
		b->created = true;
		b->id = id;
		b->vcpu_count = vcpus;
		s->notif.created++;
		ffa_set_success32(r, 0, 0);
		return;
	}
	ffa_set_error(r, FFA_RET_NO_MEMORY);
}

static void bitmap_destroy(struct spmc *s, struct ffa_regs *r)
{
	struct spmc_notif_bitmap *b;
	uint16_t id;
	int32_t ret = bitmap_id(r, &id);

	if (ret != FFA_RET_SUCCESS) {
		ffa_set_error(r, ret);
		return;
	}
	b = bm_find(s, id);
	/* Bindings still in place mean a sender may still set them: refuse. */
	if (!b || b->bound) {
		ffa_set_error(r, FFA_RET_DENIED);
		return;
	}
	ffa_memset(b, 0, sizeof(*b));
	s->notif.created--;
	ffa_set_success32(r, 0, 0);
}

/* After pending bits went away: what INFO_GET reported may be gone too. */
static void bm_fix_reported(struct spmc_notif_bitmap *b)
{
	if (!b->pending)
		b->global_reported = false;
	for (uint32_t v = 0; v < b->vcpu_count; v++)
		if (!b->vcpu_pending[v])
			b->vcpu_reported &= ~(1u << v);
}

/*
 * BIND and UNBIND: w1 sender (a partition) in 31:16, receiver (an NS
 * endpoint with a bitmap) in 15:0; w3/w4 the notification bitmap.
 */
static int32_t bind_target(struct spmc *s, const struct ffa_regs *r,
			   struct spmc_notif_bitmap **b, uint16_t *sender, uint64_t *bits)
{
	uint32_t w1 = ffa_w(r, 1);

	*sender = ffa_sender_of(w1);
	*bits = ffa_notif_join(r->x[3], r->x[4]);
	if (!is_partition(s, *sender) || ffa_id_is_secure(ffa_receiver_of(w1)) || !*bits)
		return FFA_RET_INVALID_PARAMETERS;
	*b = bm_find(s, ffa_receiver_of(w1));
	return *b ? FFA_RET_SUCCESS : FFA_RET_INVALID_PARAMETERS;
}

static void bind(struct spmc *s, struct ffa_regs *r)
{
	uint32_t flags = ffa_w(r, 2);
	struct spmc_notif_bitmap *b;
	uint16_t sender;
	uint64_t bits;
	int32_t ret = bind_target(s, r, &b, &sender, &bits);

	if (ret == FFA_RET_SUCCESS && (flags & ~FFA_NOTIF_FLAG_PER_VCPU))
		ret = FFA_RET_INVALID_PARAMETERS;
	/* A notification has one sender: bound ones (to anyone) stay as they are. */
	if (ret == FFA_RET_SUCCESS && (b->bound & bits))
		ret = FFA_RET_DENIED;
	if (ret != FFA_RET_SUCCESS) {
		ffa_set_error(r, ret);
		return;
	}
	b->bound |= bits;
	if (flags & FFA_NOTIF_FLAG_PER_VCPU)
		b->per_vcpu |= bits;
	for (uint32_t n = 0; n < FFA_NOTIF_COUNT; n++)
		if (bits >> n & 1u)
			b->sender[n] = sender;
	ffa_set_success32(r, 0, 0);
}

static void unbind(struct spmc *s, struct ffa_regs *r)
{
	struct spmc_notif_bitmap *b;
	uint16_t sender;
	uint64_t bits;
	int32_t ret = bind_target(s, r, &b, &sender, &bits);

	if (ret == FFA_RET_SUCCESS && ffa_w(r, 2) != 0)
		ret = FFA_RET_INVALID_PARAMETERS;
	for (uint32_t n = 0; ret == FFA_RET_SUCCESS && n < FFA_NOTIF_COUNT; n++)
		if ((bits >> n & 1u) && (!(b->bound >> n & 1u) || b->sender[n] != sender))
			ret = FFA_RET_DENIED;
	if (ret != FFA_RET_SUCCESS) {
		ffa_set_error(r, ret);
		return;
	}
	/* What was pending for an ID nobody can set any more goes with it. */
	b->bound &= ~bits;
	b->per_vcpu &= ~bits;
	b->pending &= ~bits;
	for (uint32_t v = 0; v < b->vcpu_count; v++)
		b->vcpu_pending[v] &= ~bits;
	for (uint32_t n = 0; n < FFA_NOTIF_COUNT; n++)
		if (bits >> n & 1u)
			b->sender[n] = 0;
	bm_fix_reported(b);
	ffa_set_success32(r, 0, 0);
}

/*
 * GET: w1 receiver in 15:0 and vCPU in 31:16, w2 which bitmaps. The SPMC
 * keeps the partitions' bitmap and the (empty) SPM framework one; the VM
 * and hypervisor bitmaps are a hypervisor's, so they read as zero here.
 */
static void get(struct spmc *s, struct ffa_regs *r)
{
	uint32_t w1 = ffa_w(r, 1), flags = ffa_w(r, 2);
	uint32_t vcpu = w1 >> FFA_NOTIF_GET_VCPU_SHIFT;
	struct spmc_notif_bitmap *b = bm_find(s, ffa_receiver_of(w1));
	uint64_t sp = 0;

	if (!b || ffa_id_is_secure(ffa_receiver_of(w1)) || vcpu >= b->vcpu_count ||
	    (flags & ~FFA_NOTIF_GET_FLAGS_MASK)) {
		ffa_set_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	if (flags & FFA_NOTIF_GET_FLAG_SP) {
		sp = b->pending | b->vcpu_pending[vcpu];
		b->pending = 0;
		b->vcpu_pending[vcpu] = 0;
		bm_fix_reported(b);
	}
	ffa_set_success32(r, (uint32_t)sp, (uint32_t)(sp >> 32));
}

/* Normal-world SET: the receivers here are NS endpoints, whose senders are
 * our partitions only; NS-to-NS notifications are a hypervisor's business
 * and our partitions take none. */
static void set_from_ns(struct spmc *s, struct ffa_regs *r)
{
	(void)s;
	ffa_set_error(r, FFA_RET_INVALID_PARAMETERS);
}

void spmc_abi_notif(struct spmc *s, struct ffa_regs *r, uint32_t fid)
{
	if (!notif_available(s)) {
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		return;
	}
	switch (fid) {
	case FFA_NOTIFICATION_BITMAP_CREATE:
		bitmap_create(s, r);
		break;
	case FFA_NOTIFICATION_BITMAP_DESTROY:
		bitmap_destroy(s, r);
		break;
	case FFA_NOTIFICATION_BIND:
		bind(s, r);
		break;
	case FFA_NOTIFICATION_UNBIND:
		unbind(s, r);
		break;
	case FFA_NOTIFICATION_SET:
		set_from_ns(s, r);
		break;
	case FFA_NOTIFICATION_GET:
		get(s, r);
		break;
	default:
		spmc_notif_info_get(s, r, FFA_FN_IS_SMC64(fid));
		break;
	}
}

static int32_t notify_locked(struct spmc *s, uint16_t sp_id, uint16_t receiver,
			     uint32_t flags, uint64_t bits)
{
	bool per_vcpu = flags & FFA_NOTIF_FLAG_PER_VCPU;
	uint32_t vcpu = flags >> FFA_NOTIF_SET_VCPU_SHIFT;
	struct spmc_notif_bitmap *b;

	if (!is_partition(s, sp_id) || ffa_id_is_secure(receiver) || !bits)
		return FFA_RET_INVALID_PARAMETERS;
	if (flags & FFA_NOTIF_SET_MBZ_MASK)
		return FFA_RET_INVALID_PARAMETERS;
	b = bm_find(s, receiver);
	if (!b)
		return FFA_RET_INVALID_PARAMETERS;
	/* A global SET names no vCPU; a per-vCPU one names an existing one. */
	if (per_vcpu ? vcpu >= b->vcpu_count : vcpu != 0)
		return FFA_RET_INVALID_PARAMETERS;
	for (uint32_t n = 0; n < FFA_NOTIF_COUNT; n++)
		if ((bits >> n & 1u) && (!(b->bound >> n & 1u) || b->sender[n] != sp_id))
			return FFA_RET_DENIED;
	if (per_vcpu ? (bits & ~b->per_vcpu) : (bits & b->per_vcpu))
		return FFA_RET_INVALID_PARAMETERS;
	if (per_vcpu) {
		b->vcpu_pending[vcpu] |= bits;
		b->vcpu_reported &= ~(1u << vcpu);
	} else {
		b->pending |= bits;
		b->global_reported = false;
	}
	return FFA_RET_SUCCESS;
}

int32_t spmc_sp_notify(struct spmc *s, uint16_t sp_id, uint16_t receiver,
		       uint32_t flags, uint64_t bitmap)
{
	void (*raise)(void *ctx, uint32_t intid);
	uint32_t intid;
	int32_t ret;

	if (!s)
		return FFA_RET_INVALID_PARAMETERS;
	spmc_lock(s, SPMC_LOCK_CORE);
	ret = notify_locked(s, sp_id, receiver, flags, bitmap);
	raise = s->notif.raise_sri;
	intid = s->notif.sri_intid;
	spmc_unlock(s, SPMC_LOCK_CORE);
	/*
	 * A logical partition runs inside the caller's SMC, so the interrupt
	 * pended on this CPU is taken right after the normal world resumes:
	 * that is already as late as the delay flag asks for.
	 */
	if (ret == FFA_RET_SUCCESS && raise)
		raise(s->plat.ctx, intid);
	return ret;
}
