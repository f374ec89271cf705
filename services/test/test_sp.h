/* SPDX-License-Identifier: MIT */
/*
 * The ffa-stack test partition as a logical SP of the SPMC core: endpoint
 * TEST_SP_ID, UUID FFA_UUID_FFA_STACK_TEST, protocol in services/test_sp.h.
 * Stateless (regions it keeps after TEST_SP_CMD_MEM_RETRIEVE are tracked by the
 * core), so one instance serves any number of SPMC instances.
 */
#ifndef SERVICES_TEST_TEST_SP_H
#define SERVICES_TEST_TEST_SP_H

#include "spmc/spmc.h"

const struct spmc_partition *test_sp_partition(void);

#endif /* SERVICES_TEST_TEST_SP_H */
