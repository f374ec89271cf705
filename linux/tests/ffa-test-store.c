// SPDX-License-Identifier: MIT
/*
 * ffa-test's store_unreachable_from_ns check: the normal world writes the
 * UEFI variable store's old physical location (flash bank 1: erase its
 * first sector and program it, as U-Boot's saveenv did) and its new one
 * (secure flash bank 0: must fault or be ignored) through the ffa_test
 * module's store_window mapping, and every variable reads back unchanged
 * through efivarfs afterwards. A probe variable written first, with a value
 * unique to this boot, keeps the comparison from being vacuous. Linux's
 * device tree must not describe the secure flash either.
 */
#define _DEFAULT_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/fs.h>

#include "linux/tests/ffa-test-store.h"

#define WINDOW "/sys/kernel/debug/ffa_test/store_window"
#define MAP "/sys/kernel/debug/ffa_test/store_map"
#define VARS_DIR "/tmp/ffa-test-efivars"
#define PROBE VARS_DIR "/FfaStackStoreProbe-6c0e2a4f-93b1-4d57-a8e6-2f1b7d09c3a5"
#define CMD(c) ((uint32_t)(c) * 0x00010001u)
#define POLL_MAX 1000000u

struct snap {
	unsigned int count;
	uint64_t sum, xor;
};

static sigjmp_buf fault_jmp;

static void on_fault(int sig)
{
	siglongjmp(fault_jmp, sig);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/* Every variable's name and contents, order independent; -1 on a read error. */
static int snapshot(struct snap *s)
{
	char path[512];
	unsigned char buf[4096];
	struct dirent *e;
	DIR *d = opendir(VARS_DIR);

	memset(s, 0, sizeof(*s));
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		uint64_t h = 0xcbf29ce484222325ull;
		ssize_t n;
		int fd;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", VARS_DIR, e->d_name);
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			closedir(d);
			return -1;
		}
		h = fnv(h, e->d_name, strlen(e->d_name));
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			h = fnv(h, buf, (size_t)n);
		close(fd);
		s->count++;
		s->sum += h;
		s->xor ^= h;
	}
	closedir(d);
	return 0;
}

/* Wait for a CFI operation at w, then back to read-array mode. */
static int cfi_wait(volatile uint32_t *w)
{
	for (uint32_t i = 0; i < POLL_MAX; i++) {
		if ((*w & CMD(0x80)) == CMD(0x80)) {
			*w = CMD(0x50);
			*w = CMD(0xff);
			return 0;
		}
	}
	*w = CMD(0xff);
	return -1;
}

/* Erase the first sector of the page's flash and program one word; 1 when
 * the word reads back (the write reached the flash). */
static int overwrite(volatile uint32_t *w, uint32_t value)
{
	*w = CMD(0x20);
	*w = CMD(0xd0);
	if (cfi_wait(w))
		return 0;
	*w = CMD(0x40);
	*w = value;
	if (cfi_wait(w))
		return 0;
	return *w == value;
}

/* The secure bank: "fault" (signal), or "ignored" (no effect visible). */
static const char *attack_secure(volatile uint32_t *w)
{
	struct sigaction sa = { .sa_handler = on_fault }, obus, osegv;
	const char *what;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &obus);
	sigaction(SIGSEGV, &sa, &osegv);
	if (sigsetjmp(fault_jmp, 1) == 0)
		what = overwrite(w, 0x746f6f62u) ? "WRITTEN" : "ignored";
	else
		what = "fault";
	sigaction(SIGBUS, &obus, NULL);
	sigaction(SIGSEGV, &osegv, NULL);
	return what;
}

__attribute__((format(printf, 2, 3))) static int result(const char *status, const char *fmt, ...)
{
	va_list ap;

	printf("ffa-stack: check store_unreachable_from_ns %s ", status);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return strcmp(status, "fail") == 0;
}

/* 1 when Linux's device tree still has a node for the flash holding the
 * store (QEMU names it secflash@0; the firmware removes it). */
static int dt_describes_store_flash(void)
{
	struct stat st;

	return stat("/sys/firmware/devicetree/base/secflash@0", &st) == 0 ||
	       stat("/sys/firmware/devicetree/base/flash@0", &st) == 0;
}

int store_check(void)
{
	struct snap before, after;
	char probe[40];
	unsigned char rb[64];
	const char *secure;
	uint32_t attr = 0x7;    /* NV | BS | RT */
	int fd, bank1, n;
	void *win;

	mkdir(VARS_DIR, 0755);
	if (mount("efivarfs", VARS_DIR, "efivarfs", 0, NULL) && errno != EBUSY)
		return result("skip", "no efivarfs (%s)", strerror(errno));
	memcpy(probe, &attr, sizeof(attr));
	n = 4 + snprintf(probe + 4, sizeof(probe) - 4, "boot %ld", (long)time(NULL));
	/* efivarfs makes variables of unknown GUIDs immutable: a probe left by
	 * an earlier boot must be made writable first (chattr -i). */
	fd = open(PROBE, O_RDONLY);
	if (fd >= 0) {
		int flags = 0;

		if (!ioctl(fd, FS_IOC_GETFLAGS, &flags)) {
			flags &= ~FS_IMMUTABLE_FL;
			ioctl(fd, FS_IOC_SETFLAGS, &flags);
		}
		close(fd);
	}
	fd = open(PROBE, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || write(fd, probe, (size_t)n) != n) {
		if (fd >= 0)
			close(fd);
		umount(VARS_DIR);
		return result("skip", "no non-volatile variable store (%s)", strerror(errno));
	}
	close(fd);
	if (snapshot(&before) || before.count == 0) {
		umount(VARS_DIR);
		return result("fail", "cannot read the variables back (%s)", strerror(errno));
	}
	/* Reading store_window makes the module create store_map. */
	fd = open(WINDOW, O_RDONLY);
	if (fd >= 0) {
		n = (int)read(fd, rb, sizeof(rb));
		close(fd);
	}
	fd = open(MAP, O_RDWR);
	win = fd < 0 ? MAP_FAILED : mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (win == MAP_FAILED) {
		if (fd >= 0)
			close(fd);
		umount(VARS_DIR);
		return result("skip", "no %s mapping (%s; ffa_test without store_window?)", MAP,
			      strerror(errno));
	}
	bank1 = overwrite((volatile uint32_t *)win, 0x746f6f62u);
	secure = attack_secure((volatile uint32_t *)((char *)win + 4096));
	munmap(win, 8192);
	close(fd);
	fd = open(PROBE, O_RDONLY);
	n = fd < 0 ? -1 : (int)read(fd, rb, sizeof(rb));
	if (fd >= 0)
		close(fd);
	if (snapshot(&after) || n < 4) {
		umount(VARS_DIR);
		return result("fail", "variables unreadable after the writes (secure bank: %s)", secure);
	}
	umount(VARS_DIR);
	if (dt_describes_store_flash())
		return result("fail", "the device tree describes the flash holding the store (secflash@0)");
	if (!bank1)
		return result("fail", "the write to flash bank 1 did not take (the test proves nothing; secure bank: %s)", secure);
	if (!strcmp(secure, "WRITTEN") || after.count != before.count || after.sum != before.sum ||
	    after.xor != before.xor || memcmp(rb + 4, probe + 4, (size_t)n - 4))
		return result("fail", "variables changed by normal-world flash writes (secure bank: %s, %u variables before)", secure, before.count);
	return result("ok", "bank1=overwritten secure-bank=%s variables=%u unchanged dt=no-store-flash",
		      secure, before.count);
}
