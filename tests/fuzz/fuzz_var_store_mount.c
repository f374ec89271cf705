// SPDX-License-Identifier: MIT
/*
 * Fuzz target: mounting the UEFI variable store (services/uefivar/store.h)
 * from a corrupted flash image. Byte 0 picks the geometry (erase block
 * 512..4096 bytes, 1..4 blocks per bank), the rest is the image (erased,
 * 0xFF, past its end). The flash is an allocation of exactly its size. A
 * mount must return a defined result; a mounted store must describe only
 * variables that can be read back in full, and must stay usable: a new
 * variable written to it is there, with its data, after a remount, and a
 * deleted one is gone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "services/uefivar/ramflash.h"
#include "services/uefivar/store.h"
#include "tests/fuzz/fz_input.h"

static struct uv_store st;
static uint8_t io[UV_VAR_MAX];

static const uint8_t guid[16] = { 0xf2, 0x22, 0x0b, 0x4a, 0x51, 0x9e, 0x4e, 0x1c,
				  0x9a, 0x5d, 0x7e, 0x33, 0x10, 0x6c, 0x27, 0x03 };
static const uint8_t name[] = { 'F', 0, 'z', 0, 0, 0 };     /* UCS-2 "Fz" */
static const uint8_t value[] = "fuzzed";

static bool known_err(int e)
{
	return e == UV_OK || e == UV_E_IO || e == UV_E_FULL || e == UV_E_TOOMANY ||
	       e == UV_E_TOOBIG || e == UV_E_CORRUPT || e == UV_E_GEOMETRY || e == UV_E_NOTFOUND ||
	       e == UV_E_FOREIGN;
}

/* Every variable the index lists can be read back in full. */
static void read_all(void)
{
	struct uv_meta m;

	FZ_REQUIRE(st.count <= UV_STORE_MAX_VARS, "index past its capacity");
	for (uint32_t i = 0; i < st.count; i++) {
		FZ_REQUIRE(uv_store_meta(&st, i, &m) == UV_OK, "listed variable has no metadata");
		FZ_REQUIRE(m.name_size <= UV_NAME_MAX && m.data_size <= UV_VAR_MAX,
			   "mounted variable larger than the store allows");
		FZ_REQUIRE(uv_store_read_name(&st, i, io, m.name_size) == UV_OK,
			   "listed variable's name unreadable");
		FZ_REQUIRE(uv_store_read_data(&st, i, 0, io, m.data_size) == UV_OK,
			   "listed variable's data unreadable");
	}
}

/* Write a variable, remount, find it with its data; delete, remount, gone. */
static void still_usable(const struct uv_flash *fl)
{
	struct uv_key k = { guid, name, sizeof(name) };
	struct uv_meta m;
	int i, e = uv_store_put(&st, &k, 7, 0, value, sizeof(value));

	FZ_REQUIRE(known_err(e), "unknown put result");
	if (e != UV_OK)
		return;
	FZ_REQUIRE(uv_store_mount(&st, fl) == UV_OK, "store does not remount after a put");
	i = uv_store_find(&st, &k);
	FZ_REQUIRE(i >= 0, "written variable lost by a remount");
	FZ_REQUIRE(uv_store_meta(&st, (uint32_t)i, &m) == UV_OK && m.data_size == sizeof(value) &&
		   m.attr == 7, "written variable changed by a remount");
	FZ_REQUIRE(uv_store_read_data(&st, (uint32_t)i, 0, io, sizeof(value)) == UV_OK &&
		   memcmp(io, value, sizeof(value)) == 0, "written data changed by a remount");
	read_all();
	e = uv_store_delete(&st, (uint32_t)i);
	FZ_REQUIRE(known_err(e), "unknown delete result");
	if (e != UV_OK)
		return;
	FZ_REQUIRE(uv_store_mount(&st, fl) == UV_OK, "store does not remount after a delete");
	FZ_REQUIRE(uv_store_find(&st, &k) < 0, "deleted variable back after a remount");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct uv_ram ram;
	uint32_t erase, blocks, flash_size;
	uint8_t *mem, *copy;
	int e;

	if (size < 1)
		return 0;
	erase = 512u << (data[0] & 3u);
	blocks = 1u + ((data[0] >> 2) & 3u);
	flash_size = 2u * blocks * erase;
	mem = malloc(flash_size);
	FZ_REQUIRE(mem != NULL, "out of memory");
	memset(mem, 0xff, flash_size);
	uv_ram_init(&ram, mem, flash_size, erase);
	if (data[0] & 0x10u) {
		/* A good store, then a foreign writer over its first sectors. */
		FZ_REQUIRE(uv_store_mount(&st, &ram.fl) == UV_OK, "fresh flash does not format");
		still_usable(&ram.fl);
		FZ_REQUIRE(uv_store_put(&st, &(struct uv_key){ guid, name, sizeof(name) }, 7, 0,
					value, sizeof(value)) == UV_OK, "put on a fresh store");
	}
	memcpy(mem, data + 1, size - 1 < flash_size ? size - 1 : flash_size);
	copy = malloc(flash_size);
	FZ_REQUIRE(copy != NULL, "out of memory");
	memcpy(copy, mem, flash_size);
	memset(&st, 0, sizeof(st));
	e = uv_store_mount(&st, &ram.fl);
	FZ_REQUIRE(known_err(e), "unknown mount result");
	if (e == UV_E_FOREIGN || (e == UV_OK && st.foreign)) {
		/* Foreign bytes are never erased or formatted over. */
		FZ_REQUIRE(memcmp(copy, mem, flash_size) == 0, "mount changed foreign flash");
		FZ_REQUIRE(e != UV_OK || uv_store_put(&st, &(struct uv_key){ guid, name, sizeof(name) },
						    7, 0, value, sizeof(value)) == UV_E_FOREIGN,
			   "write allowed beside a foreign bank");
		FZ_REQUIRE(memcmp(copy, mem, flash_size) == 0, "write changed foreign flash");
	} else if (e == UV_OK) {
		read_all();
		still_usable(&ram.fl);
	}
	free(copy);
	free(mem);
	return 0;
}
