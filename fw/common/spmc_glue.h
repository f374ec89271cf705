/* SPDX-License-Identifier: MIT */
/*
 * The SMC dispatcher's FF-A handler: spmc_ns_call() with the struct spmc
 * as a void * context (the core's register contract is in spmc/spmc.h).
 */
#ifndef FW_COMMON_SPMC_GLUE_H
#define FW_COMMON_SPMC_GLUE_H

#include "ffa/regs.h"

/* struct smc_services.ffa_call for a struct spmc (passed as ctx). */
void fw_spmc_call(void *spmc, struct ffa_regs *r);

#endif /* FW_COMMON_SPMC_GLUE_H */
