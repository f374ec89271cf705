// SPDX-License-Identifier: MIT
/*
 * ffa-test: runs the FF-A checks of the ffa_test kernel module
 * (linux/modules/ffa_test) from the initramfs and prints one line per check
 * for the boot matrix:
 *
 *   ffa-stack: check <name> ok|fail|skip <details>
 *   ffa-stack: rxtx <hyp|host|none|...>
 *
 * Each check writes N to a debugfs file of the module and reads back its
 * result line ("ok ...", "skip ..." or "fail ..."). Exit status 0 when no
 * check failed.
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/tests/ffa-test-store.h"

#define FT_DIR "/sys/kernel/debug/ffa_test"
#define FT_LINE 512

struct ft_check {
	const char *name;
	const char *file;
	const char *arg;
};

/*
 * One page, a multi-page range, and 1 MiB (one high-order block or, when
 * memory is fragmented, many ranges).
 */
static const struct ft_check checks[] = {
	{ "echo-100", "echo", "100" },
	{ "echo2-100", "echo2", "100" },
	{ "share-1", "share", "1" },
	{ "share-16", "share", "16" },
	{ "share-256", "share", "256" },
	{ "lend-16", "lend", "16" },
};

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * /init may not have mounted sysfs or debugfs; mount them ourselves. A
 * failure (already mounted, no debugfs in the kernel) shows up as the
 * missing directory afterwards, which is reported there.
 */
static void mount_debugfs(void)
{
	if (!is_dir("/sys/kernel"))
		mount("sysfs", "/sys", "sysfs", 0, NULL);
	if (!is_dir(FT_DIR))
		mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

static int read_line(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	close(fd);
	buf[n] = '\0';
	chomp(buf);
	return 0;
}

/* Runs one check; fills @buf with its result line. */
static int run_check(const struct ft_check *c, char *buf, size_t len)
{
	char path[128];
	int fd, werr = 0, rerr;

	snprintf(path, sizeof(path), "%s/%s", FT_DIR, c->file);
	fd = open(path, O_WRONLY);
	if (fd < 0) {
		snprintf(buf, len, "fail cannot open %s: %s (module too old?)", path,
			 strerror(errno));
		return -1;
	}
	/* -EIO from the write means the check failed; its line says why. */
	if (write(fd, c->arg, strlen(c->arg)) < 0)
		werr = errno;
	close(fd);

	rerr = read_line(path, buf, len);
	if (rerr) {
		snprintf(buf, len, "fail cannot read %s: %s", path, strerror(-rerr));
		return -1;
	}
	if (werr && strncmp(buf, "fail", 4) != 0) {
		snprintf(buf, len, "fail writing %s to %s: %s", c->arg, path,
			 strerror(werr));
		return -1;
	}
	return 0;
}

/* Prints "check <name> <status> <details>" from a module result line. */
static int report(const char *name, const char *line)
{
	static const char *const words[] = { "ok", "skip", "fail" };
	const char *status = "fail", *details = line;
	size_t n = strcspn(line, " ");
	unsigned int i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (n == strlen(words[i]) && !strncmp(line, words[i], n)) {
			status = words[i];
			details = line[n] ? line + n + 1 : "";
		}
	}
	printf("ffa-stack: check %s %s %s\n", name, status, details);
	return strcmp(status, "fail") ? 0 : 1;
}

/*
 * The module logs when it bound; copy that into our own output so the boot
 * matrix sees it even when the console log level hides pr_info.
 */
static void bound_details(char *out, size_t len)
{
	static const char tag[] = "ffa_test: bound to ";
	char rec[1024];
	ssize_t n;
	int fd;

	out[0] = '\0';
	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		return;
	/* One record per read: "prio,seq,usec,flags;text\n..." */
	while ((n = read(fd, rec, sizeof(rec) - 1)) > 0 || (n < 0 && errno == EPIPE)) {
		char *text, *hit;

		if (n <= 0)
			continue;
		rec[n] = '\0';
		text = strchr(rec, ';');
		hit = text ? strstr(text, tag) : NULL;
		if (hit) {
			hit += strlen(tag);
			hit[strcspn(hit, "\n")] = '\0';
			snprintf(out, len, "%s", hit);
		}
	}
	close(fd);
}

static void report_rxtx(const char *line)
{
	const char *p = strstr(line, "rxtx=");
	size_t n;

	if (!p) {
		printf("ffa-stack: rxtx unknown (ns_info gave no rxtx= field)\n");
		return;
	}
	p += strlen("rxtx=");
	n = strcspn(p, " ");
	printf("ffa-stack: rxtx %.*s\n", (int)n, p);
}

int main(void)
{
	char line[FT_LINE];
	unsigned int i;
	int failed = 0, err;

	setvbuf(stdout, NULL, _IOLBF, 0);
	mount_debugfs();
	if (!is_dir(FT_DIR)) {
		printf("ffa-stack: check ffa_test-bound fail (no %s: module not loaded or partition not enumerated)\n",
		       FT_DIR);
		return 1;
	}
	bound_details(line, sizeof(line));
	printf("ffa-stack: check ffa_test-bound ok %s\n", line);

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		run_check(&checks[i], line, sizeof(line));
		failed += report(checks[i].name, line);
	}

	err = read_line(FT_DIR "/ns_info", line, sizeof(line));
	if (err)
		snprintf(line, sizeof(line), "fail cannot read %s/ns_info: %s", FT_DIR,
			 strerror(-err));
	failed += report("ns_info", line);
	if (!err && !strncmp(line, "ok", 2))
		report_rxtx(line);
	else
		printf("ffa-stack: rxtx unknown (ns_info failed)\n");

	/* Partition discovery now, not only what the bus enumerated at boot. */
	err = read_line(FT_DIR "/partinfo", line, sizeof(line));
	if (err)
		snprintf(line, sizeof(line), "fail cannot read %s/partinfo: %s",
			 FT_DIR, strerror(-err));
	failed += report("partinfo", line);

	/* Under pKVM the proxy must refuse a share of the host's RX page. */
	err = read_line(FT_DIR "/share_host_rx", line, sizeof(line));
	if (err)
		snprintf(line, sizeof(line), "fail cannot read %s/share_host_rx: %s",
			 FT_DIR, strerror(-err));
	failed += report("share-host-rx", line);

	/* Under pKVM: pages and calls the proxy must refuse, system unharmed. */
	err = read_line(FT_DIR "/isolation", line, sizeof(line));
	if (err)
		snprintf(line, sizeof(line), "fail cannot read %s/isolation: %s",
			 FT_DIR, strerror(-err));
	failed += report("isolation", line);

	/*
	 * Last: a MEM_SHARE whose endpoint descriptor lies past the fragment.
	 * 6.12's proxy reads it anyway (inside its TX page, so it does not
	 * fault); the fixed proxy refuses it.
	 */
	err = read_line(FT_DIR "/emad_offset", line, sizeof(line));
	if (err)
		snprintf(line, sizeof(line), "fail cannot read %s/emad_offset: %s",
			 FT_DIR, strerror(-err));
	failed += report("emad-offset", line);
	failed += store_check();

	return failed ? 1 : 0;
}
