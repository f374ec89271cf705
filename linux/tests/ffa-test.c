// SPDX-License-Identifier: MIT
/*
 * ffa-test: runs the FF-A checks of the ffa_test kernel module
 * (linux/modules/ffa_test) from the initramfs and prints one line per check
 * for the boot matrix:
 *
 *   ffa-stack: check <name> ok|fail|skip <details>
 *   ffa-stack: rxtx <hyp|host|none|...>
 *
 * The module owns the list: its debugfs file "checks" names the checks in
 * the order to run them, and reading a check's file runs it and gives its
 * result line ("ok ...", "skip ..." or "fail ..."). The name printed is the
 * module's, which is also the boot matrix's key. Exit status 0 when no
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

/* Runs the check @name: its result line is what reading its file gives. */
static int run_check(const char *name, char *line, size_t len)
{
	char path[128];
	int err;

	snprintf(path, sizeof(path), "%s/%s", FT_DIR, name);
	err = read_line(path, line, len);
	if (err)
		snprintf(line, len, "fail cannot read %s: %s", path, strerror(-err));
	if (!strcmp(name, "ns_info")) {
		if (!err && !strncmp(line, "ok", 2))
			report_rxtx(line);
		else
			printf("ffa-stack: rxtx unknown (ns_info failed)\n");
	}
	return report(name, line);
}

int main(void)
{
	char line[FT_LINE], list[1024], *name, *save;
	int failed = 0, err;

	setvbuf(stdout, NULL, _IOLBF, 0);
	mount_debugfs();
	if (!is_dir(FT_DIR)) {
		printf("ffa-stack: check client_bound fail (no %s: module not loaded or partition not enumerated)\n",
		       FT_DIR);
		return 1;
	}
	bound_details(line, sizeof(line));
	printf("ffa-stack: check client_bound ok %s\n", line);

	err = read_line(FT_DIR "/checks", list, sizeof(list));
	if (err) {
		printf("ffa-stack: check checks_listed fail cannot read %s/checks: %s (module older than this program?)\n",
		       FT_DIR, strerror(-err));
		return 1;
	}
	for (name = strtok_r(list, "\n", &save); name; name = strtok_r(NULL, "\n", &save))
		failed += run_check(name, line, sizeof(line));
	/* The store check writes flash from here, with the module's mapping. */
	failed += store_check();
	return failed ? 1 : 0;
}
