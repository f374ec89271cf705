/* SPDX-License-Identifier: MIT */
/*
 * The scripted session ffa-host runs, separated from main() so the client
 * tests can run the very same script against the hosted SPMC.
 */
#ifndef HOST_CLI_SESSION_H
#define HOST_CLI_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lib/client/ffa_client.h"

struct session_opts {
	bool verbose;          /* print every call's registers */
	uint32_t version;      /* FF-A version to negotiate */
	uint64_t ns_base;      /* normal world RAM the session may use */
	uint64_t ns_size;
	FILE *out;             /* NULL: stdout */
};

/*
 * Run the default script through the conduit, printing each step and
 * finally "session: N steps ok, M failed". Returns M (0: all as expected).
 */
int session_run(const struct session_opts *o, ffa_client_conduit_fn call,
		ffa_client_ptr_fn ptr, void *ctx);

#endif /* HOST_CLI_SESSION_H */
