// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Is gpuident.ko loaded, and loading it on request, through libkmod.
 *
 * libkmod is opened with dlopen() when one of these is first called, not
 * linked: it brings libcrypto, libzstd and liblzma, whose loading and
 * relocation doubled the start-up of every gpuident run, and an audit
 * with the module loaded (what a monitoring agent does each scrape) never
 * needs it. The header still gives the prototypes, so a change in the
 * library's API is caught at build time. systemd loads its optional
 * libraries the same way.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <libkmod.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>

#include "kmodctl.h"

#define MODULE_NAME "gpuident"
#define LIBKMOD_SONAME "libkmod.so.2"

/* The functions gpuident calls: one list for the pointers and their names. */
#define LIBKMOD_FUNCTIONS(X)						\
	X(kmod_new) X(kmod_load_resources) X(kmod_set_log_priority)	\
	X(kmod_unref) X(kmod_list_next) X(kmod_module_new_from_name)	\
	X(kmod_module_new_from_lookup) X(kmod_module_get_module)	\
	X(kmod_module_get_path) X(kmod_module_get_initstate)		\
	X(kmod_module_probe_insert_module) X(kmod_module_unref)		\
	X(kmod_module_unref_list)

#define LK_POINTER(f) typeof(f) *f;
static struct {
	LIBKMOD_FUNCTIONS(LK_POINTER)
} lk;

#define LK_SYMBOL(f) { #f, (void **)&lk.f },
static const struct {
	const char *name;
	void **slot;
} lk_symbols[] = {
	LIBKMOD_FUNCTIONS(LK_SYMBOL)
};

/* Open libkmod once; NULL, or why it cannot be used. */
static const char *libkmod_open(void)
{
	static const char *failure;
	static void *handle;
	size_t i;

	if (handle || failure)
		return failure;
	handle = dlopen(LIBKMOD_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!handle)
		return failure = LIBKMOD_SONAME " is not installed";
	for (i = 0; i < sizeof(lk_symbols) / sizeof(lk_symbols[0]); i++) {
		*lk_symbols[i].slot = dlsym(handle, lk_symbols[i].name);
		if (!*lk_symbols[i].slot)
			return failure = LIBKMOD_SONAME " lacks a function gpuident uses";
	}
	return NULL;
}

static struct kmod_ctx *context(void)
{
	struct kmod_ctx *ctx;

	if (libkmod_open())
		return NULL;
	ctx = lk.kmod_new(NULL, NULL);
	if (ctx) {
		/* Failures are reported once, in gpuident's words. */
		lk.kmod_set_log_priority(ctx, LOG_CRIT);
		lk.kmod_load_resources(ctx);
	}
	return ctx;
}

/* Does modprobe know where to find the module for the running kernel? */
static bool installed(struct kmod_ctx *ctx)
{
	struct kmod_list *list = NULL, *l;
	bool found = false;

	if (lk.kmod_module_new_from_lookup(ctx, MODULE_NAME, &list) < 0)
		return false;
	for (l = list; l; l = lk.kmod_list_next(list, l)) {
		struct kmod_module *m = lk.kmod_module_get_module(l);

		if (lk.kmod_module_get_path(m))
			found = true;
		lk.kmod_module_unref(m);
	}
	lk.kmod_module_unref_list(list);
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
	if (lk.kmod_module_new_from_name(ctx, MODULE_NAME, &mod) < 0)
		goto out;
	init = lk.kmod_module_get_initstate(mod);
	if (init == KMOD_MODULE_LIVE || init == KMOD_MODULE_BUILTIN ||
	    init == KMOD_MODULE_COMING)
		st = GI_KMOD_LOADED;
	else
		st = installed(ctx) ? GI_KMOD_NOT_LOADED : GI_KMOD_NOT_INSTALLED;
	lk.kmod_module_unref(mod);
out:
	lk.kmod_unref(ctx);
	return st;
}

int gi_kmod_load(char *err, size_t errlen)
{
	const char *why = libkmod_open();
	struct kmod_module *mod = NULL;
	struct kmod_ctx *ctx;
	int ret;

	ctx = why ? NULL : context();
	if (!ctx) {
		snprintf(err, errlen, "cannot use libkmod: %s",
			 why ? why : "out of memory");
		return -1;
	}
	ret = lk.kmod_module_new_from_name(ctx, MODULE_NAME, &mod);
	if (ret >= 0)
		ret = lk.kmod_module_probe_insert_module(mod,
				KMOD_PROBE_APPLY_BLACKLIST, NULL, NULL, NULL, NULL);
	if (ret < 0)
		snprintf(err, errlen, "cannot load %s: %s", MODULE_NAME,
			 ret == -ENOENT ? "not installed (see README: DKMS)" :
			 ret == -EPERM ? "permission denied (run as root)" :
			 strerror(-ret));
	if (mod)
		lk.kmod_module_unref(mod);
	lk.kmod_unref(ctx);
	return ret < 0 ? -1 : 0;
}
