// SPDX-License-Identifier: MIT
/*
 * /tests/uefivar-test: UEFI variables from Linux through efivarfs and the
 * uefivar_mm client. Run by /init once per boot; prints
 * "ffa-stack: check uefivar-<name> ok|fail <detail>" lines.
 *
 * Each boot increments a runtime counter variable, so a second boot on the
 * same flash file proves persistence ("uefivar-persist"). It also writes a
 * boot-service-only variable, ends boot services through the client's
 * exit_boot_services parameter and checks the variable is gone from reads,
 * from writes and from a fresh mount's listing.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUT "ffa-stack: "
#define MNT "/efivars"
#define VENDOR "f1a5c0de-0000-4000-8000-ffa57ac4e501"
#define COUNTER MNT "/FfaStackBootCount-" VENDOR
#define BSONLY MNT "/FfaStackBsOnly-" VENDOR
#define EBS_PARAM "/sys/module/uefivar_mm/parameters/exit_boot_services"

#define ATTR_NV_BS 3u
#define ATTR_NV_BS_RT 7u

static int failures;

static void check(const char *name, int ok, const char *detail)
{
	printf(OUT "check uefivar-%s %s %s\n", name, ok ? "ok" : "fail", detail);
	if (!ok)
		failures++;
}

/* Read a variable file: attributes, then up to cap bytes of data. */
static int read_var(const char *path, uint32_t *attr, uint8_t *data, size_t cap, size_t *len)
{
	uint8_t buf[4 + 256];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 4)
		return -1;
	memcpy(attr, buf, 4);
	*len = (size_t)n - 4 < cap ? (size_t)n - 4 : cap;
	memcpy(data, buf + 4, *len);
	return 0;
}

/*
 * efivarfs creates the file of every variable it finds at mount immutable
 * unless the kernel knows the variable is safe to change (a short list of
 * EFI globals): userspace must clear the flag before writing, as efibootmgr
 * does. A variable created in this mount is not immutable.
 */
static void make_mutable(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int flags;

	if (fd < 0)
		return;
	if (!ioctl(fd, FS_IOC_GETFLAGS, &flags) && (flags & FS_IMMUTABLE_FL)) {
		flags &= ~FS_IMMUTABLE_FL;
		ioctl(fd, FS_IOC_SETFLAGS, &flags);
	}
	close(fd);
}

static int write_var(const char *path, uint32_t attr, const void *data, size_t len)
{
	uint8_t buf[4 + 64];
	int fd;
	ssize_t n;

	make_mutable(path);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0 || len > 64) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	memcpy(buf, &attr, 4);
	memcpy(buf + 4, data, len);
	/* efivarfs takes attributes and data in one write. */
	n = write(fd, buf, 4 + len);
	close(fd);
	return n == (ssize_t)(4 + len) ? 0 : -1;
}

static int listed(const char *file)
{
	DIR *d = opendir(MNT);
	struct dirent *e;
	int found = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, file) == 0)
			found = 1;
	closedir(d);
	return found;
}

static int mount_efivarfs(void)
{
	mkdir(MNT, 0755);
	return mount("efivarfs", MNT, "efivarfs", 0, NULL);
}

/* The counter: read the last boot's value, store this boot's. */
static uint32_t boot_counter(void)
{
	uint32_t attr = 0, count = 0;
	uint8_t data[8];
	size_t len = 0;
	char detail[96];

	if (read_var(COUNTER, &attr, data, sizeof(data), &len) == 0 && len == 4) {
		memcpy(&count, data, 4);
		snprintf(detail, sizeof(detail), "previous-boots=%u attr=0x%x", count, attr);
		check("persist", attr == ATTR_NV_BS_RT && count > 0, detail);
	} else {
		printf(OUT "uefivar first boot on this flash (no counter yet)\n");
	}
	count++;
	check("write-rt", write_var(COUNTER, ATTR_NV_BS_RT, &count, 4) == 0, strerror(errno));
	return count;
}

static void exit_boot_services(uint32_t count)
{
	int fd = open(EBS_PARAM, O_WRONLY | O_CLOEXEC);
	uint32_t attr;
	uint8_t data[8];
	size_t len;
	int ok = fd >= 0 && write(fd, "1", 1) == 1;

	check("ebs", ok, ok ? "sent" : strerror(errno));
	if (fd >= 0)
		close(fd);
	errno = 0;
	ok = read_var(BSONLY, &attr, data, sizeof(data), &len) != 0;
	check("ebs-hides-bs", ok, strerror(errno));
	ok = read_var(COUNTER, &attr, data, sizeof(data), &len) == 0 && len == 4 &&
	     !memcmp(data, &count, 4);
	check("ebs-keeps-rt", ok, "runtime counter readable");
	ok = write_var(MNT "/FfaStackBsLate-" VENDOR, ATTR_NV_BS, "x", 1) != 0;
	check("ebs-blocks-bs-write", ok, strerror(errno));
	umount(MNT);
	ok = mount_efivarfs() == 0 && listed("FfaStackBsOnly-" VENDOR) == 0 &&
	     listed("FfaStackBootCount-" VENDOR) == 1;
	check("ebs-listing", ok, "fresh mount lists runtime variables only");
}

int main(void)
{
	uint32_t attr = 0, count;
	uint8_t data[8];
	size_t len = 0;
	int ok;

	setvbuf(stdout, NULL, _IOLBF, 0);
	ok = access("/sys/bus/arm_ffa/drivers/uefivar_mm", F_OK) == 0;
	check("bound", ok, "uefivar_mm on the arm_ffa bus");
	if (!ok)
		return 1;
	ok = mount_efivarfs() == 0;
	check("efivarfs", ok, ok ? "mounted on " MNT : strerror(errno));
	if (!ok)
		return 1;
	count = boot_counter();
	if (count > 1) {
		ok = read_var(BSONLY, &attr, data, sizeof(data), &len) == 0 && attr == ATTR_NV_BS;
		check("bs-visible-before-ebs", ok, "last boot's BS-only variable");
	}
	check("write-bs", write_var(BSONLY, ATTR_NV_BS, "bs", 2) == 0, strerror(errno));
	ok = read_var(BSONLY, &attr, data, sizeof(data), &len) == 0 && len == 2 &&
	     !memcmp(data, "bs", 2);
	check("read-bs", ok, "before EXIT_BOOT_SERVICE");
	exit_boot_services(count);
	umount(MNT);
	printf(OUT "uefivar boot-count %u, %d failed\n", count, failures);
	return failures ? 1 : 0;
}
