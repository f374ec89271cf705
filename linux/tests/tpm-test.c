// SPDX-License-Identifier: MIT
/*
 * /tests/tpm-test: the TPM reached through FF-A, seen from user space.
 * Reads SHA-256 PCRs 0-9 with raw TPM2_PCR_Read commands on /dev/tpm0,
 * recomputes IMA's boot_aggregate from them (Linux 6.12
 * ima_calc_boot_aggregate: SHA-256 over PCR 0..7 and, for a non-SHA-1
 * bank, PCR 8..9, in order), compares it with the first entry of IMA's
 * measurement list, and replays the firmware's TCG2 event log from
 * securityfs against PCRs 0-7. Prints "ffa-stack: " result lines:
 *   ffa-stack: check tpm ok|fail ...
 *   ffa-stack: check tpm-eventlog ok|fail ...
 *   ffa-stack: ima first <name>|none
 *   ffa-stack: check ima-boot-aggregate ok|fail ...
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "services/tpm/measure.h"
#include "services/tpm/sha256.h"
#include "tests/tpm/replay.h"

#define OUT "ffa-stack: "
#define NPCR 10

static uint8_t pcr[24][SHA256_DIGEST_SIZE];

static void hex(const uint8_t *d, unsigned int n, char *out)
{
	for (unsigned int i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static int read_pcrs(const char *dev, char *why, size_t why_len)
{
	int fd = open(dev, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		snprintf(why, why_len, "open %s: %s", dev, strerror(errno));
		return -1;
	}
	for (uint32_t i = 0; i < NPCR; i++) {
		uint8_t cmd[32], rsp[512];
		uint32_t n = tpm2_cmd_pcr_read(cmd, sizeof(cmd), i);
		ssize_t r;

		if (write(fd, cmd, n) != (ssize_t)n) {
			snprintf(why, why_len, "write PCR_Read(%u): %s", i, strerror(errno));
			close(fd);
			return -1;
		}
		r = read(fd, rsp, sizeof(rsp));
		if (r < 0 || tpm2_rsp_pcr_read(rsp, (uint32_t)r, pcr[i])) {
			snprintf(why, why_len, "PCR_Read(%u): %s (rc 0x%llx)", i,
				 r < 0 ? strerror(errno) : "bad response",
				 r < 0 ? 0ull : (unsigned long long)tpm2_rsp_code(rsp, (uint32_t)r));
			close(fd);
			return -1;
		}
	}
	close(fd);
	return 0;
}

static void check_eventlog(void)
{
	static uint8_t log[65536];
	uint8_t replayed[24][SHA256_DIGEST_SIZE];
	int fd = open("/sys/kernel/security/tpm0/binary_bios_measurements", O_RDONLY | O_CLOEXEC);
	size_t len = 0;
	ssize_t r;
	int n, bad = -1;

	if (fd < 0) {
		printf(OUT "check tpm-eventlog fail no binary_bios_measurements: %s\n",
		       strerror(errno));
		return;
	}
	while (len < sizeof(log) && (r = read(fd, log + len, sizeof(log) - len)) > 0)
		len += (size_t)r;
	close(fd);
	n = replay_log(log, (uint32_t)len, replayed);
	for (int i = 0; i < 8 && n >= 0; i++)
		if (memcmp(replayed[i], pcr[i], SHA256_DIGEST_SIZE) && bad < 0)
			bad = i;
	if (n < 0)
		printf(OUT "check tpm-eventlog fail malformed log (%zu bytes)\n", len);
	else if (bad >= 0)
		printf(OUT "check tpm-eventlog fail replay differs at PCR %d (%d events)\n", bad, n);
	else
		printf(OUT "check tpm-eventlog ok %d events, %zu bytes, PCRs 0-7 replayed\n", n, len);
}

/* First line of the IMA list: "<pcr> <template hash> <template> <digest> <name>". */
static void check_ima(int have_pcrs)
{
	char line[512] = "", tmpl[64], digest[160], name[256];
	uint8_t agg[SHA256_DIGEST_SIZE];
	char want[2 * SHA256_DIGEST_SIZE + 1];
	FILE *f = fopen("/sys/kernel/security/ima/ascii_runtime_measurements", "r");
	const char *d;

	if (!f || !fgets(line, sizeof(line), f) ||
	    sscanf(line, "%*s %*s %63s %159s %255s", tmpl, digest, name) != 3) {
		printf(OUT "ima first none\n");
		printf(OUT "check ima-boot-aggregate fail no IMA measurement list\n");
		if (f)
			fclose(f);
		return;
	}
	fclose(f);
	printf(OUT "ima first %s\n", name);
	boot_aggregate(pcr, agg);
	hex(agg, SHA256_DIGEST_SIZE, want);
	d = strncmp(digest, "sha256:", 7) ? digest : digest + 7;
	if (!have_pcrs)
		printf(OUT "check ima-boot-aggregate fail PCRs unreadable (IMA says %s)\n", digest);
	else if (strcmp(name, "boot_aggregate"))
		printf(OUT "check ima-boot-aggregate fail first entry is %s\n", name);
	else if (strcmp(d, want))
		printf(OUT "check ima-boot-aggregate fail IMA %s, PCRs 0-9 give sha256:%s\n", digest,
		       want);
	else
		printf(OUT "check ima-boot-aggregate ok sha256:%s (%s)\n", want, tmpl);
}

int main(void)
{
	char why[256] = "", p0[65], p4[65];
	int ok;

	setvbuf(stdout, NULL, _IOLBF, 0);
	ok = read_pcrs("/dev/tpm0", why, sizeof(why)) == 0;
	if (ok) {
		hex(pcr[0], SHA256_DIGEST_SIZE, p0);
		hex(pcr[4], SHA256_DIGEST_SIZE, p4);
		printf(OUT "check tpm ok /dev/tpm0 PCR_Read sha256 pcr0=%.16s pcr4=%.16s\n", p0, p4);
		check_eventlog();
	} else {
		printf(OUT "check tpm fail %s\n", why);
	}
	check_ima(ok);
	return ok ? 0 : 1;
}
