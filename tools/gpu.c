// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>

#include "gpu.h"

struct gi_gpu *gi_gpu_list_add(struct gi_gpu_list *l)
{
	struct gi_gpu *g;

	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 8;
		struct gi_gpu *nv = realloc(l->v, na * sizeof(*nv));

		if (!nv)
			return NULL;
		l->v = nv;
		l->alloc = na;
	}
	g = &l->v[l->n++];
	memset(g, 0, sizeof(*g));
	return g;
}

void gi_gpu_list_free(struct gi_gpu_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void gi_gpu_classify(struct gi_gpu *g)
{
	gi_classify(&g->facts, &g->report);
}

bool gi_verdict_suspicious(enum gi_verdict v)
{
	return v == GI_VERDICT_TRANSPLANT || v == GI_VERDICT_MODIFIED ||
	       v == GI_VERDICT_RELABELLED;
}

/*
 * JSON text and Prometheus label values must be UTF-8; a file name or a
 * capture may not be. Each byte of an invalid sequence becomes '?'.
 */
void gi_utf8_clean(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p) {
		unsigned int n, i, cp, min;

		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 1, cp = *p & 0x1f, min = 0x80;
		else if (*p >= 0xe0 && *p <= 0xef)
			n = 2, cp = *p & 0x0f, min = 0x800;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 3, cp = *p & 0x07, min = 0x10000;
		else
			n = 0, cp = 0, min = 1;
		for (i = 1; i <= n && (p[i] & 0xc0) == 0x80; i++)
			cp = cp << 6 | (p[i] & 0x3f);
		if (i <= n || cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff)) {
			*p++ = '?';
			continue;
		}
		p += n + 1;
	}
}
