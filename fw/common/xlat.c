// SPDX-License-Identifier: MIT
#include "fw/common/xlat.h"

#include "fw/common/util.h"

int xlat_init(struct xlat *x, uint64_t (*pool)[XLAT_ENTRIES], unsigned int count)
{
	ffa_memset(x, 0, sizeof(*x));
	if (!pool || count == 0 || ((uintptr_t)pool & (XLAT_PAGE - 1)))
		return XLAT_ERR_ALIGN;
	ffa_memset(pool, 0, (size_t)count * sizeof(pool[0]));
	x->pool = pool;
	x->pool_size = count;
	x->pool_used = 1;
	return XLAT_OK;
}

uint64_t xlat_root(const struct xlat *x)
{
	return (uint64_t)(uintptr_t)x->pool[0];
}

static uint64_t leaf_bits(unsigned int attr)
{
	uint64_t d = XLAT_D_AF | XLAT_D_AP1;

	if (attr & XLAT_DEVICE)
		d |= XLAT_D_ATTR_DEVICE;
	else
		d |= XLAT_D_ATTR_NORMAL | XLAT_D_SH_INNER;
	if (!(attr & XLAT_W))
		d |= XLAT_D_RO;
	if (!(attr & XLAT_X))
		d |= XLAT_D_XN;
	if (attr & XLAT_NS)
		d |= XLAT_D_NS;
	return d;
}

static int check_request(const struct xlat *x, uint64_t base, uint64_t size, unsigned int attr)
{
	uint64_t end = base + size;

	if (attr & ~XLAT_ATTR_MASK)
		return XLAT_ERR_ATTR;
	if ((attr & XLAT_W) && (attr & XLAT_X))
		return XLAT_ERR_WX;
	if ((attr & XLAT_X) && (attr & (XLAT_DEVICE | XLAT_NS)))
		return XLAT_ERR_EXEC;
	if (size == 0 || ((base | size) & (XLAT_PAGE - 1)))
		return XLAT_ERR_ALIGN;
	if (end < base || end > (1ull << XLAT_VA_BITS))
		return XLAT_ERR_RANGE;
	for (unsigned int i = 0; i < x->nregions; i++)
		if (base < x->region[i].base + x->region[i].size && x->region[i].base < end)
			return XLAT_ERR_OVERLAP;
	if (x->nregions == XLAT_MAX_REGIONS)
		return XLAT_ERR_FULL;
	return XLAT_OK;
}

/* The next-level table under *e, created when the entry is still invalid. */
static uint64_t *next_table(struct xlat *x, uint64_t *e)
{
	uint64_t *t;

	if (*e & XLAT_D_VALID)
		return (*e & XLAT_D_TABLE) ? (uint64_t *)(uintptr_t)(*e & XLAT_D_ADDR) : 0;
	if (x->pool_used == x->pool_size)
		return 0;
	t = x->pool[x->pool_used++];
	*e = (uint64_t)(uintptr_t)t | XLAT_D_TABLE | XLAT_D_VALID;
	return t;
}

/* One block or page at va, the largest that is aligned and fits. */
static int map_one(struct xlat *x, uint64_t va, uint64_t left, uint64_t bits, uint64_t *done)
{
	uint64_t *t = x->pool[0];

	for (unsigned int level = 1; level <= 3; level++) {
		unsigned int shift = 12u + 9u * (3u - level);
		uint64_t span = 1ull << shift;
		uint64_t *e = &t[(va >> shift) & (XLAT_ENTRIES - 1u)];

		if (level == 3 || (!(*e & XLAT_D_VALID) && !(va & (span - 1)) && left >= span)) {
			/* The region list already ruled out overlap; this catches a
			 * table pool shared with something else. */
			if (*e & XLAT_D_VALID)
				return XLAT_ERR_OVERLAP;
			*e = va | bits | XLAT_D_VALID | (level == 3 ? XLAT_D_TABLE : 0);
			*done = span;
			return XLAT_OK;
		}
		t = next_table(x, e);
		if (!t)
			return (*e & XLAT_D_VALID) && !(*e & XLAT_D_TABLE) ? XLAT_ERR_OVERLAP
									  : XLAT_ERR_NOMEM;
	}
	return XLAT_ERR_RANGE;
}

int xlat_map(struct xlat *x, const char *name, uint64_t base, uint64_t size, unsigned int attr)
{
	uint64_t bits = leaf_bits(attr), va = base, left = size;
	int err = check_request(x, base, size, attr);

	if (err)
		return err;
	while (left) {
		uint64_t done = 0;

		err = map_one(x, va, left, bits, &done);
		if (err)
			return err;
		va += done;
		left -= done;
	}
	x->region[x->nregions].name = name;
	x->region[x->nregions].base = base;
	x->region[x->nregions].size = size;
	x->region[x->nregions].attr = attr;
	x->nregions++;
	return XLAT_OK;
}

void xlat_describe(unsigned int attr, char *buf, size_t size)
{
	fw_format(buf, size, "%s %s %s %s", attr & XLAT_W ? "RW" : "RO", attr & XLAT_X ? "X " : "XN",
		  attr & XLAT_DEVICE ? "Device-nGnRE" : "Normal-WB   ",
		  attr & XLAT_NS ? "Non-secure" : "Secure");
}

const char *xlat_strerror(int err)
{
	switch (err) {
	case XLAT_OK: return "ok";
	case XLAT_ERR_WX: return "writable and executable";
	case XLAT_ERR_EXEC: return "executable Device or Non-secure memory";
	case XLAT_ERR_ALIGN: return "not page aligned or empty";
	case XLAT_ERR_RANGE: return "outside the 39-bit address space";
	case XLAT_ERR_OVERLAP: return "overlaps a mapped region";
	case XLAT_ERR_NOMEM: return "translation table pool exhausted";
	case XLAT_ERR_FULL: return "too many regions";
	case XLAT_ERR_ATTR: return "unknown attributes";
	}
	return "unknown error";
}
