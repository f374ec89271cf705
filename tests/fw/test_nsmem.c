// SPDX-License-Identifier: MIT
/* NS memory map (fw/common/nsmem.c) and the libc-free helpers (util.c). */
#include <stdarg.h>
#include <string.h>

#include "fw/common/nsmem.h"
#include "fw/common/util.h"
#include "tests/harness/check.h"

static struct nsmem m;

/* fw_format without the compiler's format checking, for malformed formats. */
static size_t fmt_raw(char *b, size_t n, const char *fmt, ...)
{
	va_list ap;
	size_t r;

	va_start(ap, fmt);
	r = fw_vformat(b, n, fmt, ap);
	va_end(ap);
	return r;
}

/* 1 GiB at 0x40000000 mapped at 0x1000000000, the DTB's 1 MiB excluded. */
static void setup(void)
{
	nsmem_init(&m, 0x40000000, 0x40000000, (uintptr_t)0x1000000000ull);
	nsmem_exclude(&m, 0x40000000, 0x100000);
}

TEST(nsmem_accepts_ordinary_ram)
{
	setup();
	CHECK(nsmem_ok(&m, 0x40100000, 0x1000));
	CHECK(nsmem_ok(&m, 0x7FFFF000, 0x1000));        /* the last page */
	CHECK(nsmem_ok(&m, 0x40100000, 0x3FF00000));    /* everything but the hole */
}

TEST(nsmem_ptr_translates_to_the_mapping)
{
	setup();
	CHECK_EQ((uintptr_t)nsmem_ptr(&m, 0x40200000, 16), 0x1000200000ull);
}

TEST_NEG(nsmem_rejects_outside_and_straddling)
{
	setup();
	CHECK(!nsmem_ok(&m, 0x0E000000, 0x1000));       /* secure RAM */
	CHECK(!nsmem_ok(&m, 0x09000000, 0x1000));       /* MMIO */
	CHECK(!nsmem_ok(&m, 0x80000000, 1));            /* just past the end */
	CHECK(!nsmem_ok(&m, 0x7FFFF000, 0x2000));       /* straddles the end */
	CHECK(nsmem_ptr(&m, 0x80000000, 1) == NULL);
}

TEST_NEG(nsmem_rejects_wrapping_ranges)
{
	setup();
	CHECK(!nsmem_ok(&m, ~0ull - 0xFFF, 0x2000));
	CHECK(!nsmem_ok(&m, 0x40200000, ~0ull));
	CHECK(!nsmem_ok(&m, 0x40200000, 0ull - 0x40200000));  /* ends at 2^64 */
}

TEST_NEG(nsmem_rejects_holes)
{
	setup();
	CHECK(!nsmem_ok(&m, 0x40000000, 0x1000));       /* the DTB */
	CHECK(!nsmem_ok(&m, 0x400FF000, 0x2000));       /* straddles its end */
	CHECK(!nsmem_ok(&m, 0x40000000, 0x40000000));   /* covers it */
	nsmem_exclude(&m, 0x7F000000, 0x200000);
	CHECK(!nsmem_ok(&m, 0x7F100000, 0x1000));
	CHECK(nsmem_ok(&m, 0x7F200000, 0x1000));
}

TEST_NEG(nsmem_rejects_empty_requests)
{
	setup();
	CHECK(!nsmem_ok(&m, 0x40200000, 0));
	CHECK(nsmem_ptr(&m, 0x40200000, 0) == NULL);
}

TEST_NEG(nsmem_init_and_exclude_validate)
{
	CHECK_EQ(nsmem_init(&m, 0x40000000, 0, 0), -1);
	CHECK_EQ(nsmem_init(&m, ~0ull - 10, 100, 0), -1);
	CHECK_EQ(nsmem_init(&m, 0x40000000, 0x1000, 0), 0);
	CHECK_EQ(nsmem_exclude(&m, 0x40000000, 0), -1);
	CHECK_EQ(nsmem_exclude(&m, ~0ull, 2), -1);
	for (unsigned int i = 0; i < NSMEM_MAX_HOLES; i++)
		CHECK_EQ(nsmem_exclude(&m, 0x40000000 + i, 1), 0);
	CHECK_EQ(nsmem_exclude(&m, 0x40000100, 1), -1);
}

TEST(format_conversions)
{
	char b[128];

	fw_format(b, sizeof(b), "%s %u %d %x %lx %08x %c %%", "hi", 42u, -7, 0xBEEFu,
		  0x123456789ABCDEFul, 0x1Au, 'z');
	CHECK(strcmp(b, "hi 42 -7 beef 123456789abcdef 0000001a z %") == 0);
	fw_format(b, sizeof(b), "%ld %lu", (long)-9223372036854775807L - 1, ~0ul);
	CHECK(strcmp(b, "-9223372036854775808 18446744073709551615") == 0);
	fmt_raw(b, sizeof(b), "%s", (const char *)NULL);
	CHECK(strcmp(b, "(null)") == 0);
}

TEST_NEG(format_truncates_and_terminates)
{
	char b[8];

	memset(b, 'X', sizeof(b));
	CHECK_EQ(fw_format(b, sizeof(b), "%s", "0123456789"), 7);
	CHECK(strcmp(b, "0123456") == 0);
	CHECK_EQ(fw_format(b, 0, "abc"), 0);
	CHECK_EQ(b[0], '0');
}

TEST_NEG(format_unknown_conversions_show_a_marker)
{
	char b[32];

	fmt_raw(b, sizeof(b), "a%qb%");
	CHECK(strcmp(b, "a?b?") == 0);
}

TEST(string_helpers)
{
	char a[8] = "abcdefg";

	ffa_memmove(a + 1, a, 4);
	CHECK(memcmp(a, "aabcdfg", 7) == 0);
	ffa_memmove(a, a + 1, 4);
	CHECK(memcmp(a, "abcddfg", 7) == 0);
	CHECK_EQ(fw_strnlen("abc", 2), 2);
	CHECK(fw_streq("x", "x") && !fw_streq("x", "xy") && !fw_streq("xy", "x"));
	CHECK(ffa_memcmp("ab", "ac", 2) < 0);
}
