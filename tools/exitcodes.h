/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpuident's exit codes, for scripts. Documented in gpuident(8). */
#ifndef GPUIDENT_TOOLS_EXITCODES_H
#define GPUIDENT_TOOLS_EXITCODES_H

enum gi_exit {
	GI_EXIT_OK = 0,		/* everything read; nothing suspicious */
	GI_EXIT_ERROR = 1,	/* a file or device could not be read */
	GI_EXIT_USAGE = 2,	/* bad command line */
	GI_EXIT_SUSPICIOUS = 3,	/* a GPU or VBIOS was found modified,
				 * relabelled or transplanted */
	GI_EXIT_NO_GPU = 4,	/* no display-class device found */
	GI_EXIT_NO_MODULE = 5,	/* the gpuident module is not loaded */
};

#endif
