// SPDX-License-Identifier: MIT
/*
 * libc-free helpers for the platform-independent firmware code (see util.h);
 * the byte helpers are the codec's (ffa_memset and friends, lib/ffa/mem.c).
 */
#include "fw/common/util.h"

#include <stdarg.h>

size_t fw_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t fw_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int fw_streq(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	return a[i] == b[i];
}

struct fmt_out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct fmt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_num(struct fmt_out *o, uint64_t v, unsigned int base, int neg,
		    unsigned int width, char pad)
{
	char tmp[24];
	unsigned int n = 0;

	do {
		unsigned int d = (unsigned int)(v % base);

		tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v && n < sizeof(tmp));
	if (neg)
		tmp[n < sizeof(tmp) ? n++ : n - 1] = '-';
	while (width > n) {
		put(o, pad);
		width--;
	}
	while (n)
		put(o, tmp[--n]);
}

/* One conversion after '%' (and width, length): returns 0 on an unknown one. */
static int convert(struct fmt_out *o, char conv, int lng, unsigned int width, char pad,
		   va_list *ap)
{
	uint64_t u;
	int64_t s;

	switch (conv) {
	case 's': {
		const char *str = va_arg(*ap, const char *);

		if (!str)
			str = "(null)";
		while (*str)
			put(o, *str++);
		return 1;
	}
	case 'c':
		put(o, (char)va_arg(*ap, int));
		return 1;
	case 'd':
		s = lng ? va_arg(*ap, long long) : va_arg(*ap, int);
		put_num(o, s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s, 10, s < 0, width, pad);
		return 1;
	case 'u':
	case 'x':
		u = lng ? va_arg(*ap, unsigned long long) : va_arg(*ap, unsigned int);
		put_num(o, u, conv == 'x' ? 16 : 10, 0, width, pad);
		return 1;
	case 'p':
		put(o, '0');
		put(o, 'x');
		put_num(o, (uint64_t)(uintptr_t)va_arg(*ap, void *), 16, 0, width, pad);
		return 1;
	case '%':
		put(o, '%');
		return 1;
	default:
		return 0;
	}
}

size_t fw_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = { buf, size, 0 };
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		unsigned int width = 0;
		char pad = ' ';
		int lng = 0;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		if (*fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9' && width < 64)
			width = width * 10 + (unsigned int)(*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng = 1;
			fmt++;
		}
		if (!*fmt || !convert(&o, *fmt, lng, width, pad, &aq)) {
			put(&o, '?');
			if (!*fmt)
				break;
		}
		fmt++;
	}
	va_end(aq);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len < size ? o.len : (size ? size - 1 : 0);
}

size_t fw_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = fw_vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
