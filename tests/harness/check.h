/* SPDX-License-Identifier: MIT */
/*
 * A small test harness for the hosted suites. Each test is a function
 * registered with TEST() (positive) or TEST_NEG() (a negative test: bad
 * input, wrong state or wrong caller). CHECK* record assertions; a test with
 * a failed assertion or with no assertion at all fails (a test that asserts
 * nothing cannot fail, so it is a defect). Each binary ends with
 *   <suite>: N passed, M failed, K negative
 * which the top-level `make test` adds up.
 */
#ifndef TESTS_HARNESS_CHECK_H
#define TESTS_HARNESS_CHECK_H

#include <stdint.h>

struct check_case {
	const char *name;
	void (*fn)(void);
	int negative;
};

void check_register(const char *name, void (*fn)(void), int negative);
void check_assert(int ok, const char *file, int line, const char *expr);
void check_assert_eq(uint64_t got, uint64_t want, const char *file, int line,
		     const char *expr);

#define CHECK_REG_(name, neg)                                              \
	static void name(void);                                            \
	__attribute__((constructor)) static void check_reg_##name(void)    \
	{                                                                  \
		check_register(#name, name, neg);                          \
	}                                                                  \
	static void name(void)

#define TEST(name) CHECK_REG_(name, 0)
#define TEST_NEG(name) CHECK_REG_(name, 1)

#define CHECK(expr) check_assert(!!(expr), __FILE__, __LINE__, #expr)
#define CHECK_EQ(got, want) \
	check_assert_eq((uint64_t)(got), (uint64_t)(want), __FILE__, __LINE__, #got " == " #want)

/*
 * For table-driven tests: name the row being checked (printf format). Every
 * FAIL line of the test says it until the next call; each test starts with
 * none.
 */
void check_case(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Per-suite fixture hooks (optional): run before/after every test. */
extern void (*check_setup)(void);
extern void (*check_teardown)(void);

#endif /* TESTS_HARNESS_CHECK_H */
