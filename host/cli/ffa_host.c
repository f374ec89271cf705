/* SPDX-License-Identifier: MIT */
/*
 * ffa-host: a scripted normal-world session against the hosted SPMC (the
 * SPMC core and the test partition in this process), printing each FF-A
 * call and what came back. Every step states what it expects; the exit
 * status is non-zero when any step got something else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/cli/session.h"
#include "host/sim/sim.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: ffa-host [--verbose] [--ffa-version 1.0|1.1|1.2] [--help]\n"
		"\n"
		"Runs a scripted FF-A session against the hosted SPMC and its test\n"
		"partition: version negotiation, ID_GET, FEATURES, RX/TX mapping,\n"
		"partition discovery, direct messages (32/64-bit and DIRECT_REQ2),\n"
		"sharing and lending memory, the hypervisor's retrieve request, unmap.\n"
		"\n"
		"  --verbose         also print the registers of every call\n"
		"  --ffa-version V   negotiate V instead of 1.2 (1.2-only steps are skipped)\n"
		"  --help            this text\n"
		"\n"
		"Ends with 'session: N steps ok, M failed'; exits 1 if M > 0.\n");
}

static int parse_version(const char *s, uint32_t *out)
{
	if (!strcmp(s, "1.0"))
		*out = FFA_VERSION_1_0;
	else if (!strcmp(s, "1.1"))
		*out = FFA_VERSION_1_1;
	else if (!strcmp(s, "1.2"))
		*out = FFA_VERSION_1_2;
	else
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct host_sim_config cfg = { 0 };
	struct session_opts opts = { .version = FFA_VERSION_1_2 };
	struct host_sim *sim;
	int failed;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
			opts.verbose = true;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--ffa-version") && i + 1 < argc) {
			if (parse_version(argv[++i], &opts.version)) {
				fprintf(stderr, "ffa-host: unknown FF-A version '%s': use 1.0, 1.1 or 1.2\n",
					argv[i]);
				return 2;
			}
		} else {
			fprintf(stderr, "ffa-host: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}

	sim = host_sim_create(&cfg);
	if (!sim) {
		fprintf(stderr, "ffa-host: could not start the hosted SPMC (out of memory or a bad partition table)\n");
		return 2;
	}
	opts.ns_base = sim->mem_base;
	opts.ns_size = sim->mem_size;
	failed = session_run(&opts, host_sim_conduit, host_sim_ptr_cb, sim);
	host_sim_destroy(sim);
	return failed ? 1 : 0;
}
