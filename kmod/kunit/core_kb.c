// SPDX-License-Identifier: GPL-2.0
/* gpuident_kunit.ko's own copy of kmod/core/kb.c (see kmod/Kbuild). */
#include "../core/kb.c"
