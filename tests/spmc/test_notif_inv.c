// SPDX-License-Identifier: MIT
/*
 * spmc_check_invariants() over the notification and indirect-message state:
 * each corruption must be caught (with a reason) and undoing it must pass
 * again, so no rule passes vacuously.
 */
#include "ffa/notif.h"
#include "tests/spmc/tsim.h"

static struct spmc *S(void)
{
	return &g_sim->spmc;
}

static const char *why_broken(void)
{
	const char *why = NULL;

	return spmc_check_invariants(S(), &why) ? why : NULL;
}

/* Endpoint 0 with 2 vCPUs, IDs 0-3 global and 4-7 per-vCPU, 1 and 5 pending. */
static struct spmc_notif_bitmap *notif_setup(void)
{
	struct spmc_notif_bitmap *b = NULL;

	t_version(FFA_VERSION_1_1);
	CHECK_OK32(t_smc(FFA_NOTIFICATION_BITMAP_CREATE, 0, 2, 0, 0, 0));
	CHECK_OK32(t_smc(FFA_NOTIFICATION_BIND, ffa_pack_ids(TEST_SP_ID, 0), 0, 0x0F, 0, 0));
	CHECK_OK32(t_smc(FFA_NOTIFICATION_BIND, ffa_pack_ids(TEST_SP_ID, 0), 1, 0xF0, 0, 0));
	CHECK_EQ(spmc_sp_notify(S(), TEST_SP_ID, 0, 0, 1u << 1), FFA_RET_SUCCESS);
	CHECK_EQ(spmc_sp_notify(S(), TEST_SP_ID, 0, 1u | 1u << 16, 1u << 5), FFA_RET_SUCCESS);
	for (uint32_t i = 0; i < SPMC_NOTIF_BITMAPS; i++)
		if (S()->notif.bm[i].created)
			b = &S()->notif.bm[i];
	CHECK(b != NULL);
	CHECK(why_broken() == NULL);
	return b;
}

#define CORRUPT(field, bad) do {                                 \
		__typeof__(field) keep_ = (field);               \
		(field) = (bad);                                 \
		CHECK(why_broken() != NULL);                     \
		(field) = keep_;                                 \
		CHECK(why_broken() == NULL);                     \
	} while (0)

TEST_NEG(invariants_detect_notification_bitmap_corruption)
{
	struct spmc_notif_bitmap *b = notif_setup();

	CORRUPT(b->id, TEST_SP_ID);
	CORRUPT(b->vcpu_count, 0);
	CORRUPT(b->vcpu_count, SPMC_NOTIF_MAX_VCPUS + 1);
	CORRUPT(b->per_vcpu, 0x1F0);               /* per-vCPU bit not bound */
	CORRUPT(b->pending, 0x12);                 /* pending ID bound per-vCPU */
	CORRUPT(b->pending, 0x102);                /* pending ID not bound at all */
	CORRUPT(b->vcpu_pending[1], 0x21);         /* per-vCPU pending bound global */
	CORRUPT(b->vcpu_pending[2], 0x20);         /* vCPU the endpoint lacks */
	CORRUPT(b->vcpu_reported, 1u);             /* vCPU 0 has nothing pending */
	CORRUPT(b->vcpu_reported, 1u << 3);
	CORRUPT(b->sender[0], 0x8009);             /* not a partition */
	CORRUPT(b->sender[9], TEST_SP_ID);             /* unbound ID with a sender */
	CORRUPT(S()->notif.created, 2);
	CORRUPT(S()->notif.sri_intid, 16);
}

TEST_NEG(invariants_detect_stale_report_and_duplicate_bitmap)
{
	struct spmc_notif_bitmap *b = notif_setup();
	struct ffa_regs r = t_smc(FFA_NOTIFICATION_GET, 0, FFA_NOTIF_GET_FLAG_SP, 0, 0, 0);
	struct spmc_notif_bitmap *other = b == &S()->notif.bm[0] ? &S()->notif.bm[1]
								  : &S()->notif.bm[0];

	CHECK_EQ(ffa_notif_join(r.x[2], r.x[3]), 1u << 1);
	CORRUPT(b->global_reported, true);         /* nothing global pending now */
	/* A second bitmap for the same endpoint. */
	other->created = true;
	other->id = b->id;
	other->vcpu_count = 1;
	S()->notif.created++;
	CHECK(why_broken() != NULL);
	memset(other, 0, sizeof(*other));
	S()->notif.created--;
	CHECK(why_broken() == NULL);
	CORRUPT(other->vcpu_count, 1);             /* an unused slot not cleared */
}

TEST_NEG(invariants_detect_indirect_message_corruption)
{
	struct spmc_imsg_rx *rx = &S()->imsg[0];   /* the test partition's */
	struct spmc_imsg_rx *none = &S()->imsg[1]; /* no partition there */

	CHECK(why_broken() == NULL);
	CORRUPT(rx->size, 4);                      /* empty but not cleared */
	CORRUPT(rx->buf[0], 1);
	CORRUPT(none->full, true);
	rx->full = true;
	rx->size = 2;
	rx->buf[0] = 1;
	rx->buf[1] = 2;
	CHECK(why_broken() == NULL);
	CORRUPT(rx->buf[2], 3);                    /* bytes past the message */
	CORRUPT(rx->sender, TEST_SP_ID);               /* a secure sender */
	CORRUPT(rx->size, SPMC_IMSG_SIZE + 1);
	CHECK_EQ(spmc_sp_msg_release(S(), TEST_SP_ID), FFA_RET_SUCCESS);
	CHECK(why_broken() == NULL);
}
