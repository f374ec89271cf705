// SPDX-License-Identifier: MIT
/*
 * Memory transaction descriptors: validation of hostile input and encoding.
 *
 * Every bound is checked by comparing against what is left of the buffer
 * (`x <= len - off` after establishing `off <= len`), so no sum or product
 * of untrusted values is ever formed before it is known not to overflow.
 */
#include "ffa/codec.h"
#include "common/byteorder.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

static bool is_v10(uint32_t layout)
{
	return layout < FFA_VERSION_1_1;
}

static uint32_t header_size(uint32_t layout)
{
	return is_v10(layout) ? FFA_MTD10_SIZE : FFA_MTD11_SIZE;
}

/* Half-open byte extents [a, a + alen) and [b, b + blen) intersect. */
static bool extents_overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return (uint64_t)a < (uint64_t)b + blen && (uint64_t)b < (uint64_t)a + alen;
}

static int32_t parse_header(const uint8_t *buf, uint32_t len, uint32_t layout,
			    struct ffa_mtd *d)
{
	if (len < header_size(layout))
		return INVAL;
	d->layout = layout;
	d->sender = load_le16(buf + FFA_MTD11_SENDER);
	d->flags = load_le32(buf + FFA_MTD11_FLAGS);
	d->handle = load_le64(buf + FFA_MTD11_HANDLE);
	d->tag = load_le64(buf + FFA_MTD11_TAG);
	d->ep_count = load_le32(buf + FFA_MTD11_EMAD_COUNT);
	if (is_v10(layout)) {
		d->attributes = buf[FFA_MTD10_ATTRIBUTES];
		if (buf[FFA_MTD10_RESERVED0] || load_le32(buf + FFA_MTD10_RESERVED1))
			return INVAL;
		d->emad_size = FFA_EMAD_SIZE_V1_0;
		d->emad_offset = FFA_MTD10_SIZE;
		return FFA_RET_SUCCESS;
	}
	d->attributes = load_le16(buf + FFA_MTD11_ATTRIBUTES);
	d->emad_size = load_le32(buf + FFA_MTD11_EMAD_SIZE);
	d->emad_offset = load_le32(buf + FFA_MTD11_EMAD_OFFSET);
	/* The 12 reserved bytes, as a 64- and a 32-bit load (bytewise underneath). */
	if (load_le64(buf + FFA_MTD11_RESERVED) || load_le32(buf + FFA_MTD11_RESERVED + 8))
		return INVAL;
	return FFA_RET_SUCCESS;
}

static int32_t check_attributes(uint16_t attr, enum ffa_mtd_kind kind)
{
	uint16_t allowed = FFA_ATTR_SHARE_MASK | FFA_ATTR_CACHE_MASK | FFA_ATTR_TYPE_MASK;

	if (kind == FFA_MTD_KIND_RETRIEVE_RESP)
		allowed |= FFA_ATTR_NS_BIT;
	if (attr & ~allowed)
		return INVAL;
	if ((attr & FFA_ATTR_TYPE_MASK) == FFA_ATTR_TYPE_RESERVED ||
	    (attr & FFA_ATTR_SHARE_MASK) == FFA_ATTR_SHARE_RESERVED)
		return INVAL;
	return FFA_RET_SUCCESS;
}

static int32_t check_flags_handle(const struct ffa_mtd *d, enum ffa_mtd_kind kind)
{
	uint32_t allowed;

	switch (kind) {
	case FFA_MTD_KIND_SEND:
		allowed = FFA_MTD_FLAGS_SEND_ALLOWED;
		if (d->handle != 0)
			return INVAL;
		break;
	case FFA_MTD_KIND_RETRIEVE_REQ:
		allowed = FFA_MTD_FLAGS_RETRIEVE_ALLOWED;
		break;
	default:
		allowed = FFA_MTD_FLAGS_SEND_ALLOWED | FFA_MTD_FLAG_TYPE_MASK;
		break;
	}
	if (d->flags & ~allowed)
		return INVAL;
	if (kind != FFA_MTD_KIND_SEND && d->handle == FFA_MEM_HANDLE_INVALID)
		return INVAL;
	return FFA_RET_SUCCESS;
}

static int32_t check_perms(uint8_t perms)
{
	if (perms & FFA_PERM_RESERVED_MASK)
		return INVAL;
	if ((perms & FFA_PERM_DATA_MASK) == FFA_PERM_DATA_RESERVED ||
	    (perms & FFA_PERM_INSTR_MASK) == FFA_PERM_INSTR_RESERVED)
		return INVAL;
	return FFA_RET_SUCCESS;
}

/* One access descriptor: its own fields and its relation to the header. */
static int32_t parse_emad(const uint8_t *e, const struct ffa_mtd *d, uint32_t first_comp,
			  struct ffa_mem_access *a)
{
	a->receiver = load_le16(e + FFA_EMAD_ENDPOINT);
	a->perms = e[FFA_EMAD_PERMISSIONS];
	a->flags = e[FFA_EMAD_FLAGS];
	a->composite_offset = load_le32(e + FFA_EMAD_COMPOSITE_OFF);
	if (load_le64(e + FFA_EMAD_RESERVED) ||
	    (a->flags & ~FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER) || check_perms(a->perms))
		return INVAL;
	if (a->receiver == d->sender)
		return INVAL;
	/* One composite per transaction: every receiver names the same. */
	if (a->composite_offset != first_comp)
		return INVAL;
	return FFA_RET_SUCCESS;
}

/*
 * The access descriptor array: placement, receivers, permissions. A count
 * past FFA_MEM_MAX_RECEIVERS that fits the buffer is still walked (each
 * descriptor checked, not stored) so that NO_MEMORY, decided by the caller,
 * is only ever the answer for an otherwise well-formed descriptor.
 */
static int32_t parse_emads(const uint8_t *buf, uint32_t len, enum ffa_mtd_kind kind,
			   struct ffa_mtd *d)
{
	uint32_t hdr = header_size(d->layout), first;
	struct ffa_mem_access spare;

	if (d->emad_size != FFA_EMAD_SIZE_V1_0 &&
	    !(d->emad_size == FFA_EMAD_SIZE_V1_2 && d->layout >= FFA_VERSION_1_2))
		return INVAL;
	if (d->emad_offset < hdr || d->emad_offset % 16 || d->emad_offset > len)
		return INVAL;
	/* count * size <= len - offset, tested by division so nothing can wrap. */
	if (d->ep_count == 0 || d->ep_count > (len - d->emad_offset) / d->emad_size)
		return INVAL;
	first = load_le32(buf + d->emad_offset + FFA_EMAD_COMPOSITE_OFF);
	for (uint32_t i = 0; i < d->ep_count; i++) {
		const uint8_t *e = buf + d->emad_offset + i * d->emad_size;
		struct ffa_mem_access *a = &spare;

		if (i < FFA_MEM_MAX_RECEIVERS)
			a = &d->ep[i];
		if (parse_emad(e, d, first, a))
			return INVAL;
		/* Duplicates only matter (and are only affordable) within the limit. */
		for (uint32_t j = 0; j < i && i < FFA_MEM_MAX_RECEIVERS; j++)
			if (d->ep[j].receiver == a->receiver)
				return INVAL;
	}
	d->composite_offset = d->ep[0].composite_offset;
	if (d->composite_offset == 0 && kind != FFA_MTD_KIND_RETRIEVE_REQ)
		return INVAL;
	return FFA_RET_SUCCESS;
}

static int32_t check_range(const uint8_t *c)
{
	uint64_t addr = load_le64(c + FFA_CONS_ADDRESS);
	uint32_t pages = load_le32(c + FFA_CONS_PAGE_COUNT);
	/* At most 2^44: a u32 page count times 4 KiB cannot wrap 64 bits. */
	uint64_t size = (uint64_t)pages << FFA_PAGE_SHIFT;

	if (load_le32(c + FFA_CONS_RESERVED) || (addr & (FFA_PAGE_SIZE - 1)) || pages == 0)
		return INVAL;
	/* The end, addr + size, must be representable: consumers compute it. */
	if (addr > UINT64_MAX - size)
		return INVAL;
	return FFA_RET_SUCCESS;
}

/* The composite and its constituents: placement, alignment, page sums. */
static int32_t parse_composite(const uint8_t *buf, uint32_t len, enum ffa_mtd_kind kind,
			       struct ffa_mtd *d)
{
	uint32_t off = d->composite_offset, extent;
	uint64_t sum = 0;

	if (off % 8 || off > len || len - off < FFA_COMP_SIZE)
		return INVAL;
	d->total_pages = load_le32(buf + off + FFA_COMP_TOTAL_PAGES);
	d->range_count = load_le32(buf + off + FFA_COMP_RANGE_COUNT);
	if (load_le64(buf + off + FFA_COMP_RESERVED))
		return INVAL;
	/* range_count * 16 <= what follows the composite header, by division. */
	if (d->range_count > (len - off - FFA_COMP_SIZE) / FFA_CONS_SIZE)
		return INVAL;
	if (d->range_count == 0 && kind != FFA_MTD_KIND_RETRIEVE_REQ)
		return INVAL;
	d->ranges_offset = off + FFA_COMP_SIZE;
	extent = FFA_COMP_SIZE + d->range_count * FFA_CONS_SIZE;
	if (extents_overlap(off, extent, 0, header_size(d->layout)) ||
	    extents_overlap(off, extent, d->emad_offset, d->ep_count * d->emad_size))
		return INVAL;
	for (uint32_t i = 0; i < d->range_count; i++) {
		const uint8_t *c = buf + d->ranges_offset + i * FFA_CONS_SIZE;

		if (check_range(c))
			return INVAL;
		sum += load_le32(c + FFA_CONS_PAGE_COUNT);
	}
	/* sum < 2^64 always (under 2^28 terms below 2^32); must equal a u32. */
	if (sum != d->total_pages)
		return INVAL;
	return FFA_RET_SUCCESS;
}

int32_t ffa_mtd_parse(const uint8_t *buf, uint32_t len, uint32_t layout,
		      enum ffa_mtd_kind kind, struct ffa_mtd *out)
{
	int32_t ret;

	if (!buf || !out || !ffa_version_valid(layout))
		return INVAL;
	/*
	 * What parse_header does not set, field by field: a memset of the
	 * whole struct cost more than the header's own checks.
	 */
	for (uint32_t i = 0; i < FFA_MEM_MAX_RECEIVERS; i++)
		out->ep[i] = (struct ffa_mem_access){ 0 };
	out->composite_offset = 0;
	out->total_pages = 0;
	out->range_count = 0;
	out->ranges_offset = 0;
	ret = parse_header(buf, len, layout, out);
	if (ret)
		return ret;
	if (kind == FFA_MTD_KIND_HYP_RETRIEVE) {
		/* Only the header matters: pKVM sends sender and handle alone. */
		if (out->ep_count != 0 || out->handle == FFA_MEM_HANDLE_INVALID)
			return INVAL;
		return FFA_RET_SUCCESS;
	}
	ret = check_attributes(out->attributes, kind);
	if (!ret)
		ret = check_flags_handle(out, kind);
	if (!ret)
		ret = parse_emads(buf, len, kind, out);
	if (!ret && out->composite_offset)
		ret = parse_composite(buf, len, kind, out);
	if (!ret && out->ep_count > FFA_MEM_MAX_RECEIVERS)
		ret = FFA_RET_NO_MEMORY;
	return ret;
}

uint32_t ffa_mtd_encoded_size(uint32_t layout, uint32_t ep_count, uint32_t range_count)
{
	uint64_t size = (uint64_t)header_size(layout) +
			(uint64_t)ep_count * FFA_EMAD_SIZE_V1_0 + FFA_COMP_SIZE +
			(uint64_t)range_count * FFA_CONS_SIZE;

	return size > UINT32_MAX ? 0 : (uint32_t)size;
}

/*
 * Every byte of the header written once, reserved ones as zero: no memset of
 * the whole descriptor first. The fields are read into locals before any
 * store, so the stores (through a restrict pointer) can merge.
 */
static void encode_header(uint8_t *restrict buf, uint32_t layout, const struct ffa_mtd *d)
{
	uint16_t sender = d->sender, attr = d->attributes;
	uint32_t flags = d->flags, count = d->ep_count;
	uint64_t handle = d->handle, tag = d->tag;

	store_le16(buf + FFA_MTD11_SENDER, sender);
	store_le32(buf + FFA_MTD11_FLAGS, flags);
	store_le64(buf + FFA_MTD11_HANDLE, handle);
	store_le64(buf + FFA_MTD11_TAG, tag);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, count);
	if (is_v10(layout)) {
		buf[FFA_MTD10_ATTRIBUTES] = (uint8_t)attr;
		buf[FFA_MTD10_RESERVED0] = 0;
		store_le32(buf + FFA_MTD10_RESERVED1, 0);
		return;
	}
	store_le16(buf + FFA_MTD11_ATTRIBUTES, attr);
	store_le32(buf + FFA_MTD11_EMAD_SIZE, FFA_EMAD_SIZE_V1_0);
	store_le32(buf + FFA_MTD11_EMAD_OFFSET, FFA_MTD11_SIZE);
	store_le64(buf + FFA_MTD11_RESERVED, 0);
	store_le32(buf + FFA_MTD11_RESERVED + 8, 0);
}

uint32_t ffa_mtd_encode(uint8_t *restrict buf, uint32_t cap, uint32_t layout,
			const struct ffa_mtd *d, const struct ffa_mem_range *ranges,
			uint32_t n)
{
	uint32_t size, hdr, comp, eps, total = 0;
	uint8_t *restrict p;

	if (!buf || !d || (n && !ranges) || d->ep_count == 0 ||
	    d->ep_count > FFA_MEM_MAX_RECEIVERS || !ffa_version_valid(layout))
		return 0;
	/* The v1.0 header has one byte for the attributes. */
	if (is_v10(layout) && d->attributes > 0xFF)
		return 0;
	eps = d->ep_count;
	size = ffa_mtd_encoded_size(layout, eps, n);
	if (size == 0 || size > cap)
		return 0;
	for (uint32_t i = 0; i < n; i++) {
		if (ranges[i].pages > UINT32_MAX - total)
			return 0;
		total += ranges[i].pages;
	}
	encode_header(buf, layout, d);
	hdr = header_size(layout);
	comp = hdr + eps * FFA_EMAD_SIZE_V1_0;
	p = buf + hdr;
	for (uint32_t i = 0; i < eps; i++, p += FFA_EMAD_SIZE_V1_0) {
		uint16_t receiver = d->ep[i].receiver;
		uint8_t perms = d->ep[i].perms, flags = d->ep[i].flags;

		store_le16(p + FFA_EMAD_ENDPOINT, receiver);
		p[FFA_EMAD_PERMISSIONS] = perms;
		p[FFA_EMAD_FLAGS] = flags;
		store_le32(p + FFA_EMAD_COMPOSITE_OFF, comp);
		store_le64(p + FFA_EMAD_RESERVED, 0);
	}
	store_le32(p + FFA_COMP_TOTAL_PAGES, total);
	store_le32(p + FFA_COMP_RANGE_COUNT, n);
	store_le64(p + FFA_COMP_RESERVED, 0);
	p += FFA_COMP_SIZE;
	for (uint32_t i = 0; i < n; i++, p += FFA_CONS_SIZE) {
		uint64_t addr = ranges[i].addr;
		uint32_t pages = ranges[i].pages;

		store_le64(p + FFA_CONS_ADDRESS, addr);
		store_le32(p + FFA_CONS_PAGE_COUNT, pages);
		store_le32(p + FFA_CONS_RESERVED, 0);
	}
	return size;
}

uint32_t ffa_mtd_encode_hyp_retrieve(uint8_t *buf, uint32_t cap, uint32_t layout,
				     uint16_t sender, uint64_t handle)
{
	uint32_t size = header_size(layout);

	if (!buf || cap < size || !ffa_version_valid(layout))
		return 0;
	ffa_memset(buf, 0, size);
	store_le16(buf + FFA_MTD11_SENDER, sender);
	store_le64(buf + FFA_MTD11_HANDLE, handle);
	return size;
}
