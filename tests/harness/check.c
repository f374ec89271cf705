/* SPDX-License-Identifier: MIT */
#include "check.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_MAX_CASES 2048

static struct check_case cases[CHECK_MAX_CASES];
static unsigned int ncases;
static unsigned int cur_asserts, cur_failed;
static const char *cur_name;
static char cur_case[128]; /* " [row]" while a table row is checked, else "" */

void (*check_setup)(void);
void (*check_teardown)(void);

void check_register(const char *name, void (*fn)(void), int negative)
{
	if (ncases == CHECK_MAX_CASES) {
		fprintf(stderr, "check: more than %d tests: raise CHECK_MAX_CASES\n",
			CHECK_MAX_CASES);
		exit(2);
	}
	cases[ncases++] = (struct check_case){ name, fn, negative };
}

void check_case(const char *fmt, ...)
{
	va_list ap;
	int n;

	cur_case[0] = ' ';
	cur_case[1] = '[';
	va_start(ap, fmt);
	n = vsnprintf(cur_case + 2, sizeof(cur_case) - 3, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n > sizeof(cur_case) - 4)
		n = (int)(sizeof(cur_case) - 4);
	cur_case[2 + n] = ']';
	cur_case[3 + n] = '\0';
}

void check_assert(int ok, const char *file, int line, const char *expr)
{
	cur_asserts++;
	if (!ok) {
		cur_failed++;
		printf("    FAIL %s%s: %s:%d: %s\n", cur_name, cur_case, file, line, expr);
	}
}

void check_assert_eq(uint64_t got, uint64_t want, const char *file, int line,
		     const char *expr)
{
	cur_asserts++;
	if (got != want) {
		cur_failed++;
		printf("    FAIL %s%s: %s:%d: %s (got 0x%" PRIx64 ", want 0x%" PRIx64 ")\n",
		       cur_name, cur_case, file, line, expr, got, want);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct check_case *)a)->name,
		      ((const struct check_case *)b)->name);
}

int main(int argc, char **argv)
{
	const char *suite = argc > 0 ? strrchr(argv[0], '/') : NULL;
	const char *only = argc > 1 ? argv[1] : NULL;
	unsigned int passed = 0, failed = 0, negative = 0;

	suite = suite ? suite + 1 : argv[0];
	/* Constructor order is link order; sort so runs are reproducible. */
	qsort(cases, ncases, sizeof(cases[0]), by_name);
	for (unsigned int i = 0; i < ncases; i++) {
		if (only && strcmp(only, cases[i].name) != 0)
			continue;
		cur_name = cases[i].name;
		cur_asserts = 0;
		cur_failed = 0;
		cur_case[0] = '\0';
		if (check_setup)
			check_setup();
		cases[i].fn();
		if (check_teardown)
			check_teardown();
		if (cur_asserts == 0) {
			printf("    FAIL %s: asserts nothing\n", cur_name);
			cur_failed = 1;
		}
		if (cur_failed) {
			failed++;
			printf("  not ok %s\n", cur_name);
		} else {
			passed++;
			if (getenv("CHECK_VERBOSE"))
				printf("  ok %s\n", cur_name);
		}
		if (cases[i].negative)
			negative++;
	}
	printf("%s: %u passed, %u failed, %u negative\n", suite, passed, failed, negative);
	return failed ? 1 : 0;
}
