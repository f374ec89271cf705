// SPDX-License-Identifier: MIT
/* SHA-256 against the FIPS 180-4 examples and padding boundaries. */
#include <stdlib.h>
#include <string.h>

#include "services/tpm/sha256.h"
#include "tests/harness/check.h"

static int hex_eq(const uint8_t *d, const char *hex)
{
	for (unsigned int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		unsigned int v;
		char b[3] = { hex[2 * i], hex[2 * i + 1], 0 };

		v = (unsigned int)strtoul(b, NULL, 16);
		if (d[i] != v)
			return 0;
	}
	return 1;
}

static void check_repeat(char c, size_t n, const char *want)
{
	uint8_t *buf = malloc(n ? n : 1);
	uint8_t d[SHA256_DIGEST_SIZE];

	memset(buf, c, n);
	sha256(buf, n, d);
	CHECK(hex_eq(d, want));
	free(buf);
}

TEST(sha256_empty)
{
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256("", 0, d);
	CHECK(hex_eq(d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

TEST(sha256_abc)
{
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256("abc", 3, d);
	CHECK(hex_eq(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

TEST(sha256_two_blocks)
{
	static const char m[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256(m, strlen(m), d);
	CHECK(hex_eq(d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

TEST(sha256_million_a)
{
	check_repeat('a', 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(sha256_padding_boundaries)
{
	check_repeat('a', 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	check_repeat('a', 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	check_repeat('a', 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
	check_repeat(0, 4, "df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119");
}

TEST(sha256_incremental_equals_oneshot)
{
	static uint8_t buf[1000];
	uint8_t a[SHA256_DIGEST_SIZE], b[SHA256_DIGEST_SIZE];
	struct sha256 s;

	for (unsigned int i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 31u + 7u);
	sha256(buf, sizeof(buf), a);
	for (size_t step = 1; step < 130; step += 17) {
		sha256_init(&s);
		for (size_t off = 0; off < sizeof(buf); off += step)
			sha256_update(&s, buf + off, off + step > sizeof(buf) ? sizeof(buf) - off : step);
		sha256_final(&s, b);
		CHECK(memcmp(a, b, sizeof(a)) == 0);
	}
}

TEST_NEG(sha256_one_bit_changes_digest)
{
	uint8_t a[SHA256_DIGEST_SIZE], b[SHA256_DIGEST_SIZE];

	sha256("abc", 3, a);
	sha256("abb", 3, b);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	sha256("abc", 2, b);
	CHECK(memcmp(a, b, sizeof(a)) != 0);
}
