// SPDX-License-Identifier: MIT
/*
 * fuzz-run: starts the ffa_fuzz module's run (linux/modules/ffa_fuzz) when
 * the kernel command line asks for one, and prints its summary as
 * machine-readable lines for tools/fuzz-qemu.py:
 *
 *   ffa-fuzz: start seed=S seconds=T every=E hyp=0x...
 *   ffa-fuzz: summary seed=S calls=N ms=M health_checks=H ... working=0|1
 *   ffa-fuzz: answers SUCCESS=n DENIED=n ...
 *
 * Asked by ffa_fuzz.seconds=T on the command line, with optional
 * ffa_fuzz.seed=, ffa_fuzz.calls=, ffa_fuzz.every=, ffa_fuzz.trace=. Without
 * it nothing runs. pKVM's carveout (a page the host must never share) comes
 * from the kernel log line "Reserved N MiB at 0x...".
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <unistd.h>

#define FZ_RUN "/sys/kernel/debug/ffa_fuzz/run"
#define LOG_MAX (1 << 20)

static char cmdline[4096];
static char run[256];

/* Appends " key=value" to run when the command line has ffa_fuzz.key=value. */
static int take(const char *key)
{
	char want[64];
	const char *p;
	size_t n;

	n = (size_t)snprintf(want, sizeof(want), "ffa_fuzz.%s=", key);
	for (p = cmdline; (p = strstr(p, want)); p += n) {
		if (p != cmdline && p[-1] != ' ')
			continue;
		size_t len = strcspn(p + n, " \n");
		size_t used = strlen(run);

		snprintf(run + used, sizeof(run) - used, " %s=%.*s", key, (int)len, p + n);
		return 1;
	}
	return 0;
}

/* pKVM's carveout from the kernel log, or 0. */
static unsigned long long hyp_base(void)
{
	static char log[LOG_MAX];
	unsigned long long mib = 0, base = 0;
	int n = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, log, LOG_MAX - 1);
	const char *p;

	if (n <= 0)
		return 0;
	log[n] = '\0';
	p = strstr(log, "Reserved ");
	while (p && sscanf(p, "Reserved %llu MiB at 0x%llx", &mib, &base) != 2)
		p = strstr(p + 1, "Reserved ");
	return p && mib ? base : 0;
}

static int read_all(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

int main(void)
{
	static char summary[2048];
	char *line, *save;
	int fd, working;

	if (read_all("/proc/cmdline", cmdline, sizeof(cmdline))) {
		printf("ffa-fuzz: cannot read /proc/cmdline: %s\n", strerror(errno));
		return 1;
	}
	if (!take("seconds")) {
		printf("ffa-fuzz: not asked (no ffa_fuzz.seconds= on the kernel command line)\n");
		return 0;
	}
	take("seed");
	take("calls");
	take("every");
	take("trace");
	take("avoid");
	snprintf(run + strlen(run), sizeof(run) - strlen(run), " hyp=0x%llx", hyp_base());
	if (mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL) && errno != EBUSY) {
		printf("ffa-fuzz: cannot mount debugfs: %s\n", strerror(errno));
		return 1;
	}
	printf("ffa-fuzz: start%s\n", run);
	fflush(stdout);
	fd = open(FZ_RUN, O_WRONLY);
	if (fd < 0) {
		printf("ffa-fuzz: no %s (%s): is ffa_fuzz built in or loaded?\n", FZ_RUN,
		       strerror(errno));
		return 1;
	}
	if (write(fd, run, strlen(run)) < 0) {
		printf("ffa-fuzz: the run was refused: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	if (read_all(FZ_RUN, summary, sizeof(summary))) {
		printf("ffa-fuzz: cannot read the summary: %s\n", strerror(errno));
		return 1;
	}
	working = strstr(summary, "working=1") != NULL;
	for (line = strtok_r(summary, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		printf("ffa-fuzz: %s\n", line);
	return working ? 0 : 1;
}
