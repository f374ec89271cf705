// SPDX-License-Identifier: MIT
#include "tcodec.h"

#include <stdlib.h>
#include <string.h>

uint32_t t_hdr(uint32_t layout)
{
	return layout >= FFA_VERSION_1_1 ? FFA_MTD11_SIZE : FFA_MTD10_SIZE;
}

uint32_t t_emad(uint32_t layout, uint32_t i)
{
	return t_hdr(layout) + i * FFA_EMAD_SIZE_V1_0;
}

uint32_t t_comp(uint32_t layout, uint32_t eps)
{
	return t_emad(layout, eps);
}

uint32_t t_cons(uint32_t layout, uint32_t eps, uint32_t i)
{
	return t_comp(layout, eps) + FFA_COMP_SIZE + i * FFA_CONS_SIZE;
}

void t_mtd_init(struct ffa_mtd *d, uint32_t eps)
{
	memset(d, 0, sizeof(*d));
	d->sender = T_SENDER;
	d->attributes = FFA_ATTR_NORMAL_WB_INNER;
	d->ep_count = eps;
	for (uint32_t i = 0; i < eps && i < FFA_MEM_MAX_RECEIVERS; i++) {
		d->ep[i].receiver = (uint16_t)(T_RECV0 + i);
		d->ep[i].perms = T_PERMS;
	}
}

void t_ranges_init(struct ffa_mem_range *r, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		r[i].addr = T_BASE_ADDR + (uint64_t)i * 0x100000u;
		r[i].pages = i + 1;
	}
}

void t_shuffle(struct ffa_mem_range *r, uint32_t n, uint32_t seed, uint32_t mul, uint32_t inc)
{
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j;
		struct ffa_mem_range t;

		seed = seed * mul + inc;
		j = (seed >> 8) % i;
		t = r[i - 1];
		r[i - 1] = r[j];
		r[j] = t;
	}
}

/* The t_send shape with a handle and flags (both 0, as t_mtd_init leaves them: a SEND). */
static uint32_t encode_shape(uint8_t *buf, uint32_t layout, uint32_t eps, uint32_t n,
			     uint64_t handle, uint32_t flags)
{
	struct ffa_mtd d;
	struct ffa_mem_range r[256];

	if (n > 256)
		return 0;
	t_mtd_init(&d, eps);
	d.handle = handle;
	d.flags = flags;
	t_ranges_init(r, n);
	return ffa_mtd_encode(buf, T_CAP, layout, &d, r, n);
}

uint32_t t_send(uint8_t *buf, uint32_t layout, uint32_t eps, uint32_t n)
{
	return encode_shape(buf, layout, eps, n, 0, 0);
}

uint32_t t_resp(uint8_t *buf, uint32_t layout, uint32_t eps, uint32_t n)
{
	return encode_shape(buf, layout, eps, n, T_HANDLE, FFA_MTD_FLAG_TYPE_SHARE);
}

uint8_t *t_copy(const uint8_t *buf, uint32_t len)
{
	uint8_t *copy = malloc(len ? len : 1);

	if (!copy)
		abort();
	memcpy(copy, buf, len);
	return copy;
}

int32_t t_parse(const uint8_t *buf, uint32_t len, uint32_t layout, enum ffa_mtd_kind kind,
		struct ffa_mtd *out)
{
	struct ffa_mtd scratch;
	uint8_t *copy = t_copy(buf, len);
	int32_t ret;

	ret = ffa_mtd_parse(copy, len, layout, kind, out ? out : &scratch);
	free(copy);
	return ret;
}

void t_send_rejects_each(uint32_t layout, uint32_t eps, uint32_t n, uint32_t off,
			 uint32_t width, const uint64_t *vals, unsigned int count)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, layout, eps, n);

	for (unsigned int i = 0; i < count; i++) {
		check_case("value %#llx at offset %u", (unsigned long long)vals[i], off);
		if (width == 2)
			store_le16(buf + off, (uint16_t)vals[i]);
		else if (width == 4)
			store_le32(buf + off, (uint32_t)vals[i]);
		else
			store_le64(buf + off, vals[i]);
		CHECK_EQ(t_parse(buf, len, layout, FFA_MTD_KIND_SEND, NULL),
			 FFA_RET_INVALID_PARAMETERS);
	}
	check_case("after the values");
}

void t_send_rejects_bytes(uint32_t layout, uint32_t eps, uint32_t n, uint32_t from, uint32_t to,
			  uint8_t value)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, layout, eps, n);

	for (uint32_t off = from; off < to; off++) {
		check_case("byte %u set to %#x", off, value);
		buf[off] = value;
		CHECK_EQ(t_parse(buf, len, layout, FFA_MTD_KIND_SEND, NULL),
			 FFA_RET_INVALID_PARAMETERS);
		buf[off] = 0;
	}
	check_case("after the bytes");
}

static bool extent_in(uint64_t off, uint64_t size, uint32_t len)
{
	return off <= len && size <= len - off;
}

bool t_parsed_in_bounds(const uint8_t *buf, uint32_t len, const struct ffa_mtd *d,
			enum ffa_mtd_kind kind)
{
	uint64_t sum = 0;

	if (len < t_hdr(d->layout))
		return false;
	if (kind == FFA_MTD_KIND_HYP_RETRIEVE)
		return d->ep_count == 0 && d->handle != FFA_MEM_HANDLE_INVALID;
	if (d->ep_count == 0 || d->ep_count > FFA_MEM_MAX_RECEIVERS ||
	    !extent_in(d->emad_offset, (uint64_t)d->ep_count * d->emad_size, len) ||
	    d->emad_offset < t_hdr(d->layout))
		return false;
	if (d->composite_offset == 0)
		return kind == FFA_MTD_KIND_RETRIEVE_REQ && d->range_count == 0;
	if (d->ranges_offset != (uint64_t)d->composite_offset + FFA_COMP_SIZE ||
	    !extent_in(d->composite_offset, FFA_COMP_SIZE + (uint64_t)d->range_count * FFA_CONS_SIZE,
		       len))
		return false;
	for (uint32_t i = 0; i < d->range_count; i++) {
		struct ffa_mem_range r;

		ffa_mtd_range(buf, d, i, &r);
		if (r.pages == 0 || (r.addr & (FFA_PAGE_SIZE - 1)) ||
		    r.addr > UINT64_MAX - ((uint64_t)r.pages << FFA_PAGE_SHIFT))
			return false;
		sum += r.pages;
	}
	return sum == d->total_pages;
}

uint32_t t_build(uint8_t *buf, uint32_t layout, uint32_t emad_off, uint32_t emad_size,
		 uint32_t eps, uint32_t n)
{
	uint32_t comp, size;
	uint32_t total = 0;

	if (layout < FFA_VERSION_1_1) {
		emad_off = FFA_MTD10_SIZE;
		emad_size = FFA_EMAD_SIZE_V1_0;
	}
	comp = emad_off + eps * emad_size;
	size = comp + FFA_COMP_SIZE + n * FFA_CONS_SIZE;
	if (size > T_CAP)
		return 0;
	memset(buf, 0, size);
	store_le16(buf + FFA_MTD11_SENDER, T_SENDER);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, eps);
	if (layout < FFA_VERSION_1_1) {
		buf[FFA_MTD10_ATTRIBUTES] = FFA_ATTR_NORMAL_WB_INNER;
	} else {
		store_le16(buf + FFA_MTD11_ATTRIBUTES, FFA_ATTR_NORMAL_WB_INNER);
		store_le32(buf + FFA_MTD11_EMAD_SIZE, emad_size);
		store_le32(buf + FFA_MTD11_EMAD_OFFSET, emad_off);
	}
	for (uint32_t i = 0; i < eps; i++) {
		uint8_t *e = buf + emad_off + i * emad_size;

		store_le16(e + FFA_EMAD_ENDPOINT, (uint16_t)(T_RECV0 + i));
		e[FFA_EMAD_PERMISSIONS] = T_PERMS;
		store_le32(e + FFA_EMAD_COMPOSITE_OFF, comp);
	}
	for (uint32_t i = 0; i < n; i++) {
		uint8_t *c = buf + comp + FFA_COMP_SIZE + i * FFA_CONS_SIZE;

		store_le64(c + FFA_CONS_ADDRESS, T_BASE_ADDR + (uint64_t)i * 0x100000u);
		store_le32(c + FFA_CONS_PAGE_COUNT, i + 1);
		total += i + 1;
	}
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, total);
	store_le32(buf + comp + FFA_COMP_RANGE_COUNT, n);
	return size;
}
