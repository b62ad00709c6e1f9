// SPDX-License-Identifier: GPL-2.0-or-later
/* Is gpuident.ko loaded, and loading it on request, through libkmod. */
#include <errno.h>
#include <stdbool.h>
#include <libkmod.h>
#include <stdio.h>
#include <string.h>

#include "kmodctl.h"

#define MODULE_NAME "gpuident"

static struct kmod_ctx *context(void)
{
	struct kmod_ctx *ctx = kmod_new(NULL, NULL);

	if (ctx)
		kmod_load_resources(ctx);
	return ctx;
}

/* Does modprobe know where to find the module for the running kernel? */
static bool installed(struct kmod_ctx *ctx)
{
	struct kmod_list *list = NULL, *l;
	bool found = false;

	if (kmod_module_new_from_lookup(ctx, MODULE_NAME, &list) < 0)
		return false;
	kmod_list_foreach(l, list) {
		struct kmod_module *m = kmod_module_get_module(l);

		if (kmod_module_get_path(m))
			found = true;
		kmod_module_unref(m);
	}
	kmod_module_unref_list(list);
	return found;
}

enum gi_kmod_state gi_kmod_state(void)
{
	struct kmod_ctx *ctx = context();
	struct kmod_module *mod = NULL;
	enum gi_kmod_state st = GI_KMOD_UNKNOWN;
	int init;

	if (!ctx)
		return GI_KMOD_UNKNOWN;
	if (kmod_module_new_from_name(ctx, MODULE_NAME, &mod) < 0)
		goto out;
	init = kmod_module_get_initstate(mod);
	if (init == KMOD_MODULE_LIVE || init == KMOD_MODULE_BUILTIN ||
	    init == KMOD_MODULE_COMING)
		st = GI_KMOD_LOADED;
	else
		st = installed(ctx) ? GI_KMOD_NOT_LOADED : GI_KMOD_NOT_INSTALLED;
	kmod_module_unref(mod);
out:
	kmod_unref(ctx);
	return st;
}

int gi_kmod_load(char *err, size_t errlen)
{
	struct kmod_ctx *ctx = context();
	struct kmod_module *mod = NULL;
	int ret;

	if (!ctx) {
		snprintf(err, errlen, "cannot use libkmod");
		return -1;
	}
	ret = kmod_module_new_from_name(ctx, MODULE_NAME, &mod);
	if (ret >= 0)
		ret = kmod_module_probe_insert_module(mod, KMOD_PROBE_APPLY_BLACKLIST,
						      NULL, NULL, NULL, NULL);
	if (ret < 0)
		snprintf(err, errlen, "cannot load %s: %s", MODULE_NAME,
			 ret == -ENOENT ? "not installed (see README: DKMS)" :
			 ret == -EPERM ? "permission denied (run as root)" :
			 strerror(-ret));
	kmod_module_unref(mod);
	kmod_unref(ctx);
	return ret < 0 ? -1 : 0;
}
