// SPDX-License-Identifier: MIT
/*
 * /init for the ffa-stack initramfs: a static C program, so the image needs
 * no shell or libc of its own. It mounts the pseudo filesystems, loads the
 * modules listed in /etc/modules, reports what the kernel sees as
 * machine-readable "ffa-stack: " lines, runs every program in /tests and
 * powers off (PSCI SYSTEM_OFF through the firmware), so a boot is a test
 * run. With ffa_stack.shell=1 on the command line it starts a busybox shell
 * instead of powering off.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define OUT "ffa-stack: "

static char cmdline[4096];

static void mount_fs(const char *src, const char *dst, const char *type)
{
	mkdir(dst, 0755);
	if (mount(src, dst, type, 0, NULL) && errno != EBUSY)
		printf(OUT "warn mount %s on %s failed: %s\n", type, dst, strerror(errno));
}

static int read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return 0;
}

static int cmdline_has(const char *opt)
{
	size_t n = strlen(opt);

	for (const char *p = cmdline; (p = strstr(p, opt)); p += n)
		if ((p == cmdline || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

static void load_modules(void)
{
	FILE *f = fopen("/etc/modules", "r");
	char name[256];

	if (!f)
		return;
	while (fgets(name, sizeof(name), f)) {
		char path[300];
		int fd;

		name[strcspn(name, "\r\n")] = '\0';
		if (!name[0] || name[0] == '#')
			continue;
		snprintf(path, sizeof(path), "/lib/modules/%s", name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || syscall(SYS_finit_module, fd, "", 0)) {
			printf(OUT "module %s fail %s\n", name, strerror(errno));
		} else {
			printf(OUT "module %s ok\n", name);
		}
		if (fd >= 0)
			close(fd);
	}
	fclose(f);
}

static void report_cpus(void)
{
	char online[64] = "";

	read_file("/sys/devices/system/cpu/online", online, sizeof(online));
	/* "0-3" style: count CPUs in each comma-separated range. */
	int count = 0;

	for (char *tok = strtok(online, ","); tok; tok = strtok(NULL, ",")) {
		int a, b;

		if (sscanf(tok, "%d-%d", &a, &b) == 2)
			count += b - a + 1;
		else if (sscanf(tok, "%d", &a) == 1)
			count++;
	}
	printf(OUT "cpus-online %d\n", count);
}

static void report_ffa_devices(void)
{
	const char *base = "/sys/bus/arm_ffa/devices";
	DIR *d = opendir(base);
	struct dirent *e;
	int n = 0;

	if (!d) {
		printf(OUT "ffa-bus absent\n");
		return;
	}
	while ((e = readdir(d))) {
		char path[512], uuid[64] = "?", id[32] = "?";

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/uuid", base, e->d_name);
		read_file(path, uuid, sizeof(uuid));
		snprintf(path, sizeof(path), "%s/%s/partition_id", base, e->d_name);
		read_file(path, id, sizeof(id));
		printf(OUT "ffa-device %s uuid=%s id=%s\n", e->d_name, uuid, id);
		n++;
	}
	closedir(d);
	printf(OUT "ffa-devices %d\n", n);
	/* A TEE driver that bound over FF-A (OP-TEE's) gives /dev/tee0. */
	printf(OUT "tee0 %s\n", access("/dev/tee0", F_OK) ? "absent" : "present");
}

/* Runs every program in /tests in name order; each prints its own result lines. */
static void run_tests(void)
{
	struct dirent **list;
	int n = scandir("/tests", &list, NULL, alphasort);

	for (int i = 0; i < n; i++) {
		char path[512];
		pid_t pid;
		int status;

		if (list[i]->d_name[0] == '.') {
			free(list[i]);
			continue;
		}
		snprintf(path, sizeof(path), "/tests/%s", list[i]->d_name);
		pid = fork();
		if (pid == 0) {
			execl(path, path, (char *)NULL);
			_exit(127);
		}
		waitpid(pid, &status, 0);
		printf(OUT "test %s exit %d\n", list[i]->d_name,
		       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		free(list[i]);
	}
	if (n >= 0)
		free(list);
}

/*
 * busybox's poweroff, halt and reboot ask PID 1 by signal (SIGUSR2, SIGUSR1,
 * SIGTERM). The kernel drops signals to init that it has no handler for, so
 * without these the shell's `poweroff` would do nothing.
 */
static void on_power_signal(int sig)
{
	sync();
	reboot(sig == SIGTERM ? RB_AUTOBOOT : RB_POWER_OFF);
}

static void shell(void)
{
	pid_t pid;

	signal(SIGUSR1, on_power_signal);
	signal(SIGUSR2, on_power_signal);
	signal(SIGTERM, on_power_signal);
	printf(OUT "shell: busybox sh on the console; poweroff ends QEMU\n");
	pid = fork();

	if (pid == 0) {
		setsid();
		int fd = open("/dev/console", O_RDWR);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin:/tests", 1);
		setenv("HOME", "/", 1);
		setenv("PS1", "ffa-stack# ", 1);
		execl("/bin/sh", "sh", (char *)NULL);
		printf(OUT "no shell in the initramfs (/bin/sh): %s\n", strerror(errno));
		_exit(127);
	}
	waitpid(pid, NULL, 0);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	mount_fs("proc", "/proc", "proc");
	mount_fs("sysfs", "/sys", "sysfs");
	mount_fs("devtmpfs", "/dev", "devtmpfs");
	mount_fs("debugfs", "/sys/kernel/debug", "debugfs");
	mount_fs("securityfs", "/sys/kernel/security", "securityfs");
	read_file("/proc/cmdline", cmdline, sizeof(cmdline));
	printf(OUT "start\n");
	load_modules();
	report_cpus();
	report_ffa_devices();
	run_tests();
	printf(OUT "done\n");
	if (cmdline_has("ffa_stack.shell=1"))
		shell();
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
