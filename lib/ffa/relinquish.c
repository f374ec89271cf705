// SPDX-License-Identifier: MIT
/* Memory relinquish descriptor: handle, flags, endpoint count, u16 IDs. */
#include "ffa/codec.h"
#include "common/byteorder.h"

#define RELINQ_FLAGS_ALLOWED (FFA_RELINQ_FLAG_ZERO_MEMORY | FFA_RELINQ_FLAG_TIME_SLICING)

int32_t ffa_relinquish_parse(const uint8_t *buf, uint32_t len, struct ffa_relinquish *out)
{
	uint32_t count;

	if (!buf || !out || len < FFA_RELINQ_HDR_SIZE)
		return FFA_RET_INVALID_PARAMETERS;
	count = load_le32(buf + FFA_RELINQ_EP_COUNT);
	/* The ID array must fit: count <= (len - 16) / 2, no multiplication. */
	if (count == 0 || count > (len - FFA_RELINQ_HDR_SIZE) / 2)
		return FFA_RET_INVALID_PARAMETERS;
	out->handle = load_le64(buf + FFA_RELINQ_HANDLE);
	out->flags = load_le32(buf + FFA_RELINQ_FLAGS);
	if (out->handle == FFA_MEM_HANDLE_INVALID || (out->flags & ~RELINQ_FLAGS_ALLOWED))
		return FFA_RET_INVALID_PARAMETERS;
	/* Only a descriptor that is otherwise fine is "too big". */
	if (count > FFA_MEM_MAX_RECEIVERS)
		return FFA_RET_NO_MEMORY;
	out->ep_count = count;
	for (uint32_t i = 0; i < count; i++)
		out->ep[i] = load_le16(buf + FFA_RELINQ_ENDPOINTS + 2 * i);
	return FFA_RET_SUCCESS;
}

uint32_t ffa_relinquish_encode(uint8_t *buf, uint32_t cap, const struct ffa_relinquish *r)
{
	uint32_t size;

	if (!buf || !r || r->ep_count == 0 || r->ep_count > FFA_MEM_MAX_RECEIVERS)
		return 0;
	size = FFA_RELINQ_HDR_SIZE + 2 * r->ep_count;
	if (size > cap)
		return 0;
	store_le64(buf + FFA_RELINQ_HANDLE, r->handle);
	store_le32(buf + FFA_RELINQ_FLAGS, r->flags);
	store_le32(buf + FFA_RELINQ_EP_COUNT, r->ep_count);
	for (uint32_t i = 0; i < r->ep_count; i++)
		store_le16(buf + FFA_RELINQ_ENDPOINTS + 2 * i, r->ep[i]);
	return size;
}
