// SPDX-License-Identifier: MIT
/* Partition information descriptors (v1.0: 8 bytes, v1.1+: 24 with UUID). */
#include "ffa/codec.h"
#include "common/byteorder.h"

uint32_t ffa_partinfo_size(uint32_t version)
{
	return version >= FFA_VERSION_1_1 ? FFA_PARTINFO_SIZE_V1_1 : FFA_PARTINFO_SIZE_V1_0;
}

uint32_t ffa_partinfo_encode(uint8_t *buf, uint32_t cap, uint32_t version,
			     const struct ffa_partinfo *p)
{
	uint32_t size = ffa_partinfo_size(version);

	if (!buf || !p || cap < size)
		return 0;
	store_le16(buf + FFA_PARTINFO_ID, p->id);
	store_le16(buf + FFA_PARTINFO_CTX_COUNT, p->exec_ctx_count);
	store_le32(buf + FFA_PARTINFO_PROPS, p->properties);
	if (size == FFA_PARTINFO_SIZE_V1_1)
		ffa_memcpy(buf + FFA_PARTINFO_UUID, p->uuid.b, sizeof(p->uuid.b));
	return size;
}

int32_t ffa_partinfo_decode(const uint8_t *buf, uint32_t len, uint32_t desc_size,
			    uint32_t i, struct ffa_partinfo *out)
{
	if (!buf || !out)
		return FFA_RET_INVALID_PARAMETERS;
	if (desc_size != FFA_PARTINFO_SIZE_V1_0 && desc_size < FFA_PARTINFO_SIZE_V1_1)
		return FFA_RET_INVALID_PARAMETERS;
	/* Descriptor i must end inside the buffer: (i + 1) * size <= len. */
	if (i >= len / desc_size)
		return FFA_RET_INVALID_PARAMETERS;
	buf += (uint64_t)i * desc_size;
	out->id = load_le16(buf + FFA_PARTINFO_ID);
	out->exec_ctx_count = load_le16(buf + FFA_PARTINFO_CTX_COUNT);
	out->properties = load_le32(buf + FFA_PARTINFO_PROPS);
	if (desc_size >= FFA_PARTINFO_SIZE_V1_1)
		ffa_memcpy(out->uuid.b, buf + FFA_PARTINFO_UUID, sizeof(out->uuid.b));
	else
		ffa_memset(out->uuid.b, 0, sizeof(out->uuid.b));
	return FFA_RET_SUCCESS;
}

void ffa_partinfo_to_regs(const struct ffa_partinfo *p, uint64_t out[3])
{
	out[0] = (uint64_t)p->id | (uint64_t)p->exec_ctx_count << 16 |
		 (uint64_t)p->properties << 32;
	out[1] = ffa_uuid_half(&p->uuid, 0);
	out[2] = ffa_uuid_half(&p->uuid, 1);
}

void ffa_partinfo_from_regs(const uint64_t in[3], struct ffa_partinfo *out)
{
	out->id = (uint16_t)in[0];
	out->exec_ctx_count = (uint16_t)(in[0] >> 16);
	out->properties = (uint32_t)(in[0] >> 32);
	ffa_uuid_from_halves(&out->uuid, in[1], in[2]);
}
