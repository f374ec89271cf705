// SPDX-License-Identifier: MIT
#include "fw/common/nsmem.h"

#include "fw/common/util.h"

int nsmem_init(struct nsmem *m, uint64_t base, uint64_t size, uintptr_t map)
{
	ffa_memset(m, 0, sizeof(*m));
	if (size == 0 || base + size < base)
		return -1;
	m->base = base;
	m->end = base + size;
	m->map = map;
	return 0;
}

int nsmem_exclude(struct nsmem *m, uint64_t base, uint64_t size)
{
	if (size == 0 || base + size < base || m->holes == NSMEM_MAX_HOLES)
		return -1;
	m->hole[m->holes].base = base;
	m->hole[m->holes].end = base + size;
	m->holes++;
	return 0;
}

int nsmem_ok(const struct nsmem *m, uint64_t pa, uint64_t size)
{
	uint64_t end = pa + size;

	/* end == 0 would mean the range runs to the top of the address space;
	 * the wrap check refuses it along with real overflow. */
	if (size == 0 || end <= pa)
		return 0;
	if (pa < m->base || end > m->end)
		return 0;
	for (unsigned int i = 0; i < m->holes; i++)
		if (pa < m->hole[i].end && m->hole[i].base < end)
			return 0;
	return 1;
}

uint8_t *nsmem_ptr(const struct nsmem *m, uint64_t pa, uint64_t size)
{
	if (!nsmem_ok(m, pa, size))
		return 0;
	return (uint8_t *)(m->map + (uintptr_t)(pa - m->base));
}
