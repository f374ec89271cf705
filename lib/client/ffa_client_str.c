/* SPDX-License-Identifier: MIT */
/* Reference FF-A client: readable names for logs, UUID text form. */
#include "lib/client/ffa_client.h"

const char *ffa_client_status_str(int32_t status)
{
	switch (status) {
	case FFA_RET_SUCCESS: return "SUCCESS";
	case FFA_RET_NOT_SUPPORTED: return "NOT_SUPPORTED";
	case FFA_RET_INVALID_PARAMETERS: return "INVALID_PARAMETERS";
	case FFA_RET_NO_MEMORY: return "NO_MEMORY";
	case FFA_RET_BUSY: return "BUSY";
	case FFA_RET_INTERRUPTED: return "INTERRUPTED";
	case FFA_RET_DENIED: return "DENIED";
	case FFA_RET_RETRY: return "RETRY";
	case FFA_RET_ABORTED: return "ABORTED";
	case FFA_RET_NO_DATA: return "NO_DATA";
	case FFA_RET_NOT_READY: return "NOT_READY";
	case FFA_CLIENT_BAD_RESPONSE: return "BAD_RESPONSE (malformed answer from the SPMC)";
	default: return "UNKNOWN_STATUS";
	}
}

struct fid_name {
	uint32_t fid;
	const char *name;
};

static const struct fid_name fid_names[] = {
	{ FFA_ERROR, "FFA_ERROR" },
	{ FFA_SUCCESS_32, "FFA_SUCCESS_32" },
	{ FFA_SUCCESS_64, "FFA_SUCCESS_64" },
	{ FFA_INTERRUPT, "FFA_INTERRUPT" },
	{ FFA_VERSION, "FFA_VERSION" },
	{ FFA_FEATURES, "FFA_FEATURES" },
	{ FFA_RX_RELEASE, "FFA_RX_RELEASE" },
	{ FFA_RXTX_MAP_32, "FFA_RXTX_MAP_32" },
	{ FFA_RXTX_MAP_64, "FFA_RXTX_MAP_64" },
	{ FFA_RXTX_UNMAP, "FFA_RXTX_UNMAP" },
	{ FFA_PARTITION_INFO_GET, "FFA_PARTITION_INFO_GET" },
	{ FFA_ID_GET, "FFA_ID_GET" },
	{ FFA_MSG_WAIT, "FFA_MSG_WAIT" },
	{ FFA_YIELD, "FFA_YIELD" },
	{ FFA_RUN, "FFA_RUN" },
	{ FFA_MSG_SEND_DIRECT_REQ_32, "FFA_MSG_SEND_DIRECT_REQ_32" },
	{ FFA_MSG_SEND_DIRECT_REQ_64, "FFA_MSG_SEND_DIRECT_REQ_64" },
	{ FFA_MSG_SEND_DIRECT_RESP_32, "FFA_MSG_SEND_DIRECT_RESP_32" },
	{ FFA_MSG_SEND_DIRECT_RESP_64, "FFA_MSG_SEND_DIRECT_RESP_64" },
	{ FFA_MEM_DONATE_32, "FFA_MEM_DONATE_32" },
	{ FFA_MEM_DONATE_64, "FFA_MEM_DONATE_64" },
	{ FFA_MEM_LEND_32, "FFA_MEM_LEND_32" },
	{ FFA_MEM_LEND_64, "FFA_MEM_LEND_64" },
	{ FFA_MEM_SHARE_32, "FFA_MEM_SHARE_32" },
	{ FFA_MEM_SHARE_64, "FFA_MEM_SHARE_64" },
	{ FFA_MEM_RETRIEVE_REQ_32, "FFA_MEM_RETRIEVE_REQ_32" },
	{ FFA_MEM_RETRIEVE_REQ_64, "FFA_MEM_RETRIEVE_REQ_64" },
	{ FFA_MEM_RETRIEVE_RESP, "FFA_MEM_RETRIEVE_RESP" },
	{ FFA_MEM_RELINQUISH, "FFA_MEM_RELINQUISH" },
	{ FFA_MEM_RECLAIM, "FFA_MEM_RECLAIM" },
	{ FFA_MEM_FRAG_RX, "FFA_MEM_FRAG_RX" },
	{ FFA_MEM_FRAG_TX, "FFA_MEM_FRAG_TX" },
	{ FFA_NOTIFICATION_BITMAP_CREATE, "FFA_NOTIFICATION_BITMAP_CREATE" },
	{ FFA_NOTIFICATION_BIND, "FFA_NOTIFICATION_BIND" },
	{ FFA_NOTIFICATION_GET, "FFA_NOTIFICATION_GET" },
	{ FFA_RX_ACQUIRE, "FFA_RX_ACQUIRE" },
	{ FFA_SPM_ID_GET, "FFA_SPM_ID_GET" },
	{ FFA_MSG_SEND2, "FFA_MSG_SEND2" },
	{ FFA_CONSOLE_LOG_32, "FFA_CONSOLE_LOG_32" },
	{ FFA_CONSOLE_LOG_64, "FFA_CONSOLE_LOG_64" },
	{ FFA_PARTITION_INFO_GET_REGS, "FFA_PARTITION_INFO_GET_REGS" },
	{ FFA_MSG_SEND_DIRECT_REQ2, "FFA_MSG_SEND_DIRECT_REQ2" },
	{ FFA_MSG_SEND_DIRECT_RESP2, "FFA_MSG_SEND_DIRECT_RESP2" },
};

const char *ffa_client_fid_str(uint32_t fid)
{
	for (unsigned int i = 0; i < sizeof(fid_names) / sizeof(fid_names[0]); i++)
		if (fid_names[i].fid == fid)
			return fid_names[i].name;
	return "FFA_?";
}

static const char hexdig[] = "0123456789abcdef";

/* Where the dashes go in the 36-character canonical form. */
static bool is_dash_pos(unsigned int i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

void ffa_client_uuid_str(const struct ffa_uuid *u, char out[FFA_CLIENT_UUID_STR_LEN])
{
	unsigned int o = 0;

	for (unsigned int i = 0; i < 16; i++) {
		if (is_dash_pos(o))
			out[o++] = '-';
		out[o++] = hexdig[u->b[i] >> 4];
		out[o++] = hexdig[u->b[i] & 0xF];
	}
	out[o] = '\0';
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

bool ffa_client_uuid_parse(const char *s, struct ffa_uuid *out)
{
	struct ffa_uuid u;
	unsigned int nib = 0;

	for (unsigned int i = 0; i < FFA_CLIENT_UUID_STR_LEN - 1; i++) {
		int v;

		if (is_dash_pos(i)) {
			if (s[i] != '-')
				return false;
			continue;
		}
		v = hexval(s[i]);
		if (v < 0)
			return false;
		if (nib % 2 == 0)
			u.b[nib / 2] = (uint8_t)(v << 4);
		else
			u.b[nib / 2] |= (uint8_t)v;
		nib++;
	}
	if (s[FFA_CLIENT_UUID_STR_LEN - 1] != '\0')
		return false;
	ffa_memcpy(out, &u, sizeof(u));
	return true;
}
