/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one version of gpuident. dkms.conf and debian/changelog carry the
 * same literal;
 * `make check-version` fails when they drift.
 */
#ifndef GPUIDENT_VERSION_H
#define GPUIDENT_VERSION_H

#define GPUIDENT_VERSION "0.2.0"

#endif
