/* SPDX-License-Identifier: MIT */
/*
 * The TPM service as a logical SP of the SPMC core: endpoint TPM_FFA_ID,
 * UUID FFA_UUID_TPM_CRB, DEN0138 over direct requests (32/64-bit and
 * REQ2), serving the CRB in struct tpm_crb. One partition per CRB.
 */
#ifndef SERVICES_TPM_TPM_SP_H
#define SERVICES_TPM_TPM_SP_H

#include "services/tpm/crb.h"
#include "spmc/spmc.h"

/* Fills *sp to serve crb (which the caller has tpm_crb_init()ed). */
void tpm_sp_partition(struct spmc_partition *sp, struct tpm_crb *crb);

#endif /* SERVICES_TPM_TPM_SP_H */
