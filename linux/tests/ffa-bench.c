// SPDX-License-Identifier: MIT
/*
 * ffa-bench: runs the ffa_test module's "bench" file from the initramfs
 * (bench/run-qemu.sh puts it in /tests) and prints what it measured, one
 * console line per operation, for the script to collect:
 *
 *   ffa-stack: bench ok cntfrq=<Hz> ...
 *   ffa-stack: bench <op> n=<count> min=<ticks> mean=<ticks> max=<ticks>
 *   ffa-stack: bench fail|skip <why>
 *
 * usage: ffa-bench [echo round trips] (default FFA_BENCH_ECHO, which the
 * build sets; /init passes no arguments). Exit status 0 when nothing failed.
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BENCH_FILE "/sys/kernel/debug/ffa_test/bench"
#define OUT "ffa-stack: bench "
#ifndef FFA_BENCH_ECHO
#define FFA_BENCH_ECHO "1000"
#endif

static char result[8192];

int main(int argc, char **argv)
{
	const char *n = argc > 1 ? argv[1] : FFA_BENCH_ECHO;
	int fd = open(BENCH_FILE, O_RDWR | O_CLOEXEC);
	ssize_t got, len = 0;
	int failed;

	if (fd < 0) {
		printf(OUT "fail cannot open %s: %s (ffa_test not loaded or not bound?)\n",
		       BENCH_FILE, strerror(errno));
		return 1;
	}
	/* -EIO means some operation failed; its line says which. */
	if (write(fd, n, strlen(n)) < 0 && errno != EIO) {
		printf(OUT "fail writing %s to %s: %s\n", n, BENCH_FILE, strerror(errno));
		close(fd);
		return 1;
	}
	lseek(fd, 0, SEEK_SET);
	while (len < (ssize_t)sizeof(result) - 1 &&
	       (got = read(fd, result + len, sizeof(result) - 1 - (size_t)len)) > 0)
		len += got;
	close(fd);
	result[len] = '\0';
	failed = strncmp(result, "ok", 2) != 0;
	for (char *line = strtok(result, "\n"); line; line = strtok(NULL, "\n")) {
		printf(OUT "%s\n", line);
		if (!strncmp(line, "fail", 4))
			failed = 1;
	}
	printf(OUT "done %s\n", failed ? "fail" : "ok");
	return failed;
}
