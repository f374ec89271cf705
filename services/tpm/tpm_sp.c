// SPDX-License-Identifier: MIT
/*
 * DEN0138 framing on FF-A direct requests (include/services/tpm_crb_ffa.h):
 * for DIRECT_REQ x3 (a0) must be zero and x4 (a1) is the function ID; for
 * DIRECT_REQ2 the payload starts at x4, so the function ID is a0. Replies
 * put the status where the function ID was and results in the next three.
 */
#include "services/tpm/tpm_sp.h"

static int32_t tpm_direct(struct spmc *s, const struct spmc_partition *sp,
			  struct spmc_msg *m)
{
	struct tpm_crb *c = sp->priv;
	unsigned int fn = m->kind == SPMC_MSG_REQ2 ? 0u : 1u;
	uint64_t args[3] = { m->args[fn + 1], m->args[fn + 2], m->args[fn + 3] };
	uint32_t status;

	if (fn == 1u && m->args[0] != 0) {
		status = (uint32_t)SPMC_REFUSE(s, m->sender, (int32_t)TPM_FFA_INVARG,
					       "DIRECT_REQ x3 (reserved) != 0");
		args[0] = args[1] = args[2] = 0;
	} else {
		status = tpm_crb_call(c, m->args[fn], args);
	}
	for (unsigned int i = 0; i < SPMC_MSG_ARGS; i++)
		m->args[i] = 0;
	m->args[fn] = status;
	m->args[fn + 1] = args[0];
	m->args[fn + 2] = args[1];
	m->args[fn + 3] = args[2];
	return FFA_RET_SUCCESS;
}

void tpm_sp_partition(struct spmc_partition *sp, struct tpm_crb *crb)
{
	static const struct ffa_uuid uuid = FFA_UUID_TPM_CRB;

	sp->id = TPM_FFA_ID;
	sp->name = "tpm-crb";
	ffa_memcpy(&sp->uuid, &uuid, sizeof(uuid));
	sp->properties = FFA_PART_PROP_DIRECT_REQ_RECV | FFA_PART_PROP_DIRECT_REQ2_RECV |
			 FFA_PART_PROP_AARCH64 | FFA_PART_PROP_ID_TYPE_PE;
	sp->priv = crb;
	sp->direct = tpm_direct;
}
