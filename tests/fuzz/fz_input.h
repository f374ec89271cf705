/* SPDX-License-Identifier: MIT */
/*
 * A bounded reader over a fuzz input: each read takes the next bytes
 * (little endian) and yields zeroes once the input is exhausted, so every
 * byte string decodes to something.
 */
#ifndef TESTS_FUZZ_FZ_INPUT_H
#define TESTS_FUZZ_FZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

struct fz_in {
	const uint8_t *p;
	size_t n;
};

static inline int fz_more(const struct fz_in *in)
{
	return in->n != 0;
}

static inline uint64_t fz_take(struct fz_in *in, unsigned int bytes)
{
	uint64_t v = 0;

	for (unsigned int i = 0; i < bytes; i++) {
		if (!in->n)
			break;
		v |= (uint64_t)in->p[0] << (8 * i);
		in->p++;
		in->n--;
	}
	return v;
}

static inline uint8_t fz_u8(struct fz_in *in)
{
	return (uint8_t)fz_take(in, 1);
}

static inline uint16_t fz_u16(struct fz_in *in)
{
	return (uint16_t)fz_take(in, 2);
}

static inline uint32_t fz_u32(struct fz_in *in)
{
	return (uint32_t)fz_take(in, 4);
}

static inline uint64_t fz_u64(struct fz_in *in)
{
	return fz_take(in, 8);
}

/* Stop the process with a reason: the fuzzer records the input as a crash. */
#define FZ_REQUIRE(cond, msg) do {                                          \
		if (!(cond)) {                                              \
			fprintf(stderr, "fuzz: %s:%d: %s (%s)\n", __FILE__, \
				__LINE__, msg, #cond);                      \
			abort();                                            \
		}                                                           \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* TESTS_FUZZ_FZ_INPUT_H */
