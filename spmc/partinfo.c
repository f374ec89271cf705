// SPDX-License-Identifier: MIT
/* Partition discovery: FFA_PARTITION_INFO_GET (via RX) and _GET_REGS. */
#include "spmc/spmc_int.h"

static bool matches(const struct spmc_partition *p, const struct ffa_uuid *u)
{
	return ffa_uuid_is_nil(u) || ffa_uuid_equal(&p->uuid, u);
}

static uint32_t count_matches(const struct spmc *s, const struct ffa_uuid *u)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < s->part_count; i++)
		n += matches(s->parts[i], u);
	return n;
}

/* One descriptor as a caller of `version` reads it. */
static void fill_info(const struct spmc_partition *p, uint32_t version,
		      struct ffa_partinfo *out)
{
	out->id = p->id;
	/* A logical partition runs on whichever PE calls it: one context. */
	out->exec_ctx_count = 1;
	/* Bits a version does not define are reserved for its callers (v1.0: 2:0). */
	out->properties = ffa_part_props_for(version, p->properties);
	ffa_memcpy(&out->uuid, &p->uuid, sizeof(out->uuid));
}

/* The index-th partition matching u (index < count_matches). */
static const struct spmc_partition *nth_match(const struct spmc *s,
					      const struct ffa_uuid *u, uint32_t index)
{
	for (uint32_t i = 0; i < s->part_count; i++) {
		if (!matches(s->parts[i], u))
			continue;
		if (index == 0)
			return s->parts[i];
		index--;
	}
	return NULL;
}

static int32_t write_infos(struct spmc *s, const struct ffa_uuid *u, uint32_t count)
{
	uint32_t version = spmc_ns_version(s);
	uint32_t size = ffa_partinfo_size(version);
	uint32_t cap = spmc_rxtx_size(s);
	struct ffa_partinfo info;
	uint8_t *rx;

	rx = spmc_rx_acquire(s);
	if (!rx)
		return SPMC_REFUSE(s, 0, FFA_RET_BUSY, "!rx");
	/* count <= SPMC_MAX_PARTITIONS, size <= 24: no overflow. */
	if (count * size > cap)
		return SPMC_REFUSE(s, 0, FFA_RET_NO_MEMORY, "count * size > cap");
	for (uint32_t i = 0; i < count; i++) {
		fill_info(nth_match(s, u, i), version, &info);
		if (ffa_partinfo_encode(rx + i * size, cap - i * size, version, &info) != size)
			return SPMC_REFUSE(s, 0, FFA_RET_NO_MEMORY,
					  "ffa_partinfo_encode(rx + i * size, cap - i * size, version, &info) != size");
	}
	s->ns.rx_held = true;
	return FFA_RET_SUCCESS;
}

void spmc_abi_partition_info_get(struct spmc *s, struct ffa_regs *r)
{
	struct ffa_uuid u;
	uint32_t flags = ffa_w(r, 5);
	uint32_t count, size;
	int32_t ret;

	ffa_uuid_from_words(&u, ffa_w(r, 1), ffa_w(r, 2), ffa_w(r, 3), ffa_w(r, 4));
	/* v1.1 introduced the flags (count only); w5 is reserved for v1.0. */
	if (spmc_ns_version(s) < FFA_VERSION_1_1 && flags) {
		ffa_set_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	if (flags & ~FFA_PARTITION_INFO_FLAG_COUNT_ONLY) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "flags & ~FFA_PARTITION_INFO_FLAG_COUNT_ONLY"));
		return;
	}
	count = count_matches(s, &u);
	if (count == 0) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS, "count == 0"));
		return;
	}
	/* v1.0 had no size output: w3 is reserved there. */
	size = spmc_ns_version(s) >= FFA_VERSION_1_1 ? ffa_partinfo_size(spmc_ns_version(s)) : 0;
	if (!(flags & FFA_PARTITION_INFO_FLAG_COUNT_ONLY)) {
		ret = write_infos(s, &u, count);
		if (ret != FFA_RET_SUCCESS) {
			ffa_set_error(r, ret);
			return;
		}
	}
	ffa_set_success32(r, count, size);
}

void spmc_abi_partition_info_get_regs(struct spmc *s, struct ffa_regs *r)
{
	struct ffa_uuid u;
	struct ffa_partinfo info;
	uint64_t x3 = r->x[3];
	uint32_t start = (uint32_t)(x3 & FFA_PIGR_START_INDEX_MASK);
	uint32_t count, last, cur, n;

	if (spmc_ns_version(s) < FFA_VERSION_1_2) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_NOT_SUPPORTED,
				  "spmc_ns_version(s) < FFA_VERSION_1_2"));
		return;
	}
	/* No tags are ever handed out (the list never changes), so any tag is stale. */
	if (x3 & ~(uint64_t)FFA_PIGR_START_INDEX_MASK) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "x3 & ~(uint64_t)FFA_PIGR_START_INDEX_MASK"));
		return;
	}
	ffa_uuid_from_halves(&u, r->x[1], r->x[2]);
	count = count_matches(s, &u);
	if (count == 0 || start >= count) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "count == 0 || start >= count"));
		return;
	}
	last = count - 1;
	n = count - start;
	if (n > FFA_PIGR_DESCS_PER_CALL)
		n = FFA_PIGR_DESCS_PER_CALL;
	cur = start + n - 1;
	ffa_regs_clear(r);
	r->x[0] = FFA_SUCCESS_64;
	r->x[2] = (uint64_t)last << FFA_PIGR_LAST_INDEX_SHIFT |
		  (uint64_t)cur << FFA_PIGR_CUR_INDEX_SHIFT |
		  (uint64_t)FFA_PARTINFO_SIZE_V1_1 << FFA_PIGR_DESC_SIZE_SHIFT;
	for (uint32_t i = 0; i < n; i++) {
		fill_info(nth_match(s, &u, start + i), spmc_ns_version(s), &info);
		ffa_partinfo_to_regs(&info, &r->x[3 + 3 * i]);
	}
}
