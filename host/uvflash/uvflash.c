// SPDX-License-Identifier: MIT
/* The hosted flash of uvflash.h. */
#include "host/uvflash/uvflash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int in_range(const struct uvf *f, uint32_t off, uint32_t len)
{
	return off <= f->fl.size && len <= f->fl.size - off;
}

static int io_all(int fd, void *buf, uint32_t len, uint32_t off, bool wr)
{
	uint8_t *p = buf;

	while (len) {
		ssize_t n = wr ? pwrite(fd, p, len, off) : pread(fd, p, len, off);

		if (n <= 0)
			return -1;
		p += n;
		off += (uint32_t)n;
		len -= (uint32_t)n;
	}
	return 0;
}

static int f_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
	struct uvf *f = ctx;

	if (f->dead || !in_range(f, off, len))
		return -1;
	return io_all(f->fd, buf, len, off, false);
}

/* Count one program/erase; returns how much of it happens: 2 all, 1 half, 0 none. */
static int power(struct uvf *f)
{
	uint64_t op = f->ops++;

	if (f->dead)
		return 0;
	if (op != f->cut_at)
		return 2;
	f->dead = true;
	return f->torn ? 1 : 0;
}

static int f_program(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
	struct uvf *f = ctx;
	const uint8_t *src = buf;
	uint8_t *cur;
	uint32_t n = len;
	int p;

	if (!in_range(f, off, len) || (off | len) % UV_PROG_ALIGN)
		return -1;
	p = power(f);
	if (p == 0)
		return -1;
	cur = malloc(len ? len : 1);
	if (!cur || io_all(f->fd, cur, len, off, false)) {
		free(cur);
		return -1;
	}
	for (uint32_t i = 0; i < len; i++) {
		if (src[i] & ~cur[i])
			f->overprogram++;
	}
	if (p == 1)
		n = len / 2u;
	for (uint32_t i = 0; i < n; i++)
		cur[i] &= src[i];
	/* The byte being programmed when the power went: some bits made it. */
	if (p == 1 && n < len)
		cur[n] &= (uint8_t)(src[n] | 0x0fu);
	p = io_all(f->fd, cur, len, off, true);
	free(cur);
	return f->dead || p ? -1 : 0;
}

static int f_erase(void *ctx, uint32_t off)
{
	struct uvf *f = ctx;
	uint32_t es = f->fl.erase_size, n = es;
	uint8_t *ff;
	int p, r;

	if (off % es || !in_range(f, off, es))
		return -1;
	p = power(f);
	if (p == 0)
		return -1;
	if (p == 1)
		n = es / 2u;
	ff = malloc(es);
	if (!ff)
		return -1;
	memset(ff, 0xff, es);
	r = io_all(f->fd, ff, n, off, true);
	free(ff);
	return f->dead || r ? -1 : 0;
}

int uvf_open(struct uvf *f, const char *path, uint32_t size, uint32_t erase_size, bool create)
{
	memset(f, 0, sizeof(*f));
	f->cut_at = UVF_NO_CUT;
	f->fd = open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT | O_TRUNC : 0), 0644);
	if (f->fd < 0)
		return -1;
	if (create && ftruncate(f->fd, size)) {
		int e = errno;

		close(f->fd);
		errno = e;
		return -1;
	}
	f->fl.ctx = f;
	f->fl.size = size;
	f->fl.erase_size = erase_size;
	f->fl.read = f_read;
	f->fl.program = f_program;
	f->fl.erase = f_erase;
	return 0;
}

void uvf_close(struct uvf *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
}
