/* SPDX-License-Identifier: MIT */
/*
 * A file-backed NOR flash for the hosted variable store, with a power-cut
 * injector: program and erase are counted, and at a chosen operation the
 * power goes (that operation does nothing, or half of itself when torn),
 * after which every access fails until the flash is reopened, as after a
 * reboot. Program ANDs like NOR; trying to set a cleared bit is counted as a
 * store bug (real flash would silently keep the 0).
 */
#ifndef HOST_UVFLASH_UVFLASH_H
#define HOST_UVFLASH_UVFLASH_H

#include <stdbool.h>
#include <stdint.h>

#include "services/uefivar/store.h"

#define UVF_NO_CUT UINT64_MAX

struct uvf {
	int fd;
	uint64_t ops;          /* programs + erases so far */
	uint64_t cut_at;       /* op index where the power goes, or UVF_NO_CUT */
	bool torn;             /* the cut op does half its work */
	bool dead;
	uint64_t overprogram;  /* programs that wanted a 0 bit back to 1 */
	struct uv_flash fl;
};

/*
 * Open (create = true: create or truncate, filled with zeros like a new
 * sparse pflash file, i.e. unformatted). 0, or -1 with errno.
 */
int uvf_open(struct uvf *f, const char *path, uint32_t size, uint32_t erase_size, bool create);
void uvf_close(struct uvf *f);

#endif /* HOST_UVFLASH_UVFLASH_H */
