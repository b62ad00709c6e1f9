// SPDX-License-Identifier: GPL-2.0
/* gpuident_kunit.ko's own copy of kmod/core/kb_table.c (see kmod/Kbuild). */
#include "../core/kb_table.c"
