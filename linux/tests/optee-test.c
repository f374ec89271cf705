// SPDX-License-Identifier: MIT
/*
 * /tests/optee-test: memory shared with OP-TEE through Linux's own OP-TEE
 * driver over FF-A, and given back. Run by /init once per boot; prints
 * "ffa-stack: check optee-share-<pages> ok|fail <detail>" lines, or one
 * "optee-test: ..." line and nothing else where there is no /dev/tee0 (our
 * own firmware has no OP-TEE).
 *
 * For 1, 16 and 256 pages: TEE_IOC_SHM_REGISTER makes the driver share the
 * buffer with OP-TEE (FFA_MEM_SHARE); closing the shared-memory fd makes it
 * unregister and reclaim it (FFA_MEM_RECLAIM). The driver only logs a failed
 * reclaim ("optee: mem_reclaim: <handle> <err>"), so the kernel log is read
 * around each step. Then the same buffer is registered again: under pKVM a
 * page the hypervisor still counts as shared with the secure world is
 * refused a second share, so this proves the pages really came back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/tee.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define OUT "ffa-stack: "
#define PAGE 4096u

static int failures;

/* Lines of the kernel log since the last call that contain @needle. */
static int kmsg_count(int kmsg, const char *needle)
{
	char rec[2048];
	int n = 0;
	ssize_t len;

	for (;;) {
		len = read(kmsg, rec, sizeof(rec) - 1);
		if (len < 0 && errno == EPIPE)
			continue; /* overwritten records: go on with the next */
		if (len <= 0)
			return n;
		rec[len] = '\0';
		if (strstr(rec, needle))
			n++;
	}
}

static int shm_register(int tee, void *buf, size_t len)
{
	struct tee_ioctl_shm_register_data reg = {
		.addr = (uintptr_t)buf,
		.length = len,
	};

	return ioctl(tee, TEE_IOC_SHM_REGISTER, &reg);
}

static int pattern_intact(const uint8_t *buf, size_t len, unsigned int seed)
{
	for (size_t i = 0; i < len; i++)
		if (buf[i] != (uint8_t)(i * 31u + seed))
			return 0;
	return 1;
}

static void share_reclaim(int tee, int kmsg, unsigned int pages)
{
	size_t len = (size_t)pages * PAGE;
	char detail[160];
	uint8_t *buf;
	int fd, again, lost;

	buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		printf(OUT "check optee-share-%u fail mmap: %s\n", pages, strerror(errno));
		failures++;
		return;
	}
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 31u + pages);
	kmsg_count(kmsg, "");

	fd = shm_register(tee, buf, len);
	if (fd < 0) {
		printf(OUT "check optee-share-%u fail share refused: %s\n", pages, strerror(errno));
		failures++;
		munmap(buf, len);
		return;
	}
	close(fd);
	lost = kmsg_count(kmsg, "mem_reclaim");

	/* A second share of the same pages: refused if they never came back. */
	again = shm_register(tee, buf, len);
	snprintf(detail, sizeof(detail), "reclaim errors %d, second share %s, data %s", lost,
		 again >= 0 ? "accepted" : strerror(errno),
		 pattern_intact(buf, len, pages) ? "intact" : "changed");
	if (again >= 0) {
		close(again);
		lost += kmsg_count(kmsg, "mem_reclaim");
	}
	if (lost || again < 0 || !pattern_intact(buf, len, pages))
		failures++;
	printf(OUT "check optee-share-%u %s %s\n", pages,
	       lost || again < 0 || !pattern_intact(buf, len, pages) ? "fail" : "ok", detail);
	munmap(buf, len);
}

int main(void)
{
	static const unsigned int sizes[] = { 1, 16, 256 };
	struct tee_ioctl_version_data ver = { 0 };
	int tee, kmsg;

	tee = open("/dev/tee0", O_RDWR);
	if (tee < 0) {
		printf("optee-test: no /dev/tee0 (%s): no OP-TEE here, nothing to check\n",
		       strerror(errno));
		return 0;
	}
	if (ioctl(tee, TEE_IOC_VERSION, &ver) < 0 || ver.impl_id != TEE_IMPL_ID_OPTEE ||
	    !(ver.gen_caps & TEE_GEN_CAP_REG_MEM)) {
		printf(OUT "check optee-share-1 fail /dev/tee0 is not OP-TEE with registered memory (impl %u caps %#x)\n",
		       ver.impl_id, ver.gen_caps);
		return 1;
	}
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (kmsg < 0) {
		printf(OUT "check optee-share-1 fail cannot read the kernel log: %s\n", strerror(errno));
		return 1;
	}
	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		share_reclaim(tee, kmsg, sizes[i]);
	close(kmsg);
	close(tee);
	return failures ? 1 : 0;
}
