// SPDX-License-Identifier: GPL-2.0
/* gpuident_kunit.ko's own copy of kmod/gpuident_fmt.c (see kmod/Kbuild). */
#include "../gpuident_fmt.c"
