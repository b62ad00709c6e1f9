// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpuident: identify GPUs and flag regional variants, transplanted dies,
 * modified and relabelled cards. This file holds the command line only.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpuident/version.h"
#include "exitcodes.h"
#include "vbios.h"

struct options {
	bool json;
	bool verbose;
	bool numeric;
};

static void usage(FILE *out)
{
	fputs("Usage:\n"
	      " gpuident [options] vbios FILE...\n"
	      "\n"
	      "Identify GPUs and tell originals from regional variants, transplanted\n"
	      "dies, modified and relabelled cards, with the evidence.\n"
	      "\n"
	      "Commands:\n"
	      " vbios FILE...     parse VBIOS (option ROM) files; - reads stdin\n"
	      "\n"
	      "Options:\n"
	      " -j, --json        machine-readable JSON output\n"
	      " -v, --verbose     show every finding, not only the failed ones\n"
	      " -n, --numeric     show numeric IDs only\n"
	      " -h, --help        display this help\n"
	      " -V, --version     display version\n"
	      "\n"
	      "Exit status: 0 clean, 1 error, 2 usage, 3 suspicious GPU or VBIOS,\n"
	      "4 no GPU, 5 module not loaded.\n", out);
}

static int cmd_vbios(const struct options *opt, int argc, char **argv)
{
	json_object *root = NULL, *list = NULL;
	int i, ret = GI_EXIT_OK;
	struct gi_vbios *v;

	if (argc < 1) {
		fprintf(stderr, "gpuident: vbios: no file given\n"
			"Try 'gpuident --help' for more information.\n");
		return GI_EXIT_USAGE;
	}
	v = malloc(sizeof(*v));
	if (!v) {
		fprintf(stderr, "gpuident: out of memory\n");
		return GI_EXIT_ERROR;
	}
	if (opt->json) {
		root = json_object_new_object();
		list = json_object_new_array();
		json_object_object_add(root, "vbios", list);
	}
	for (i = 0; i < argc; i++) {
		bool ok = gi_vbios_load(v, argv[i]);

		if (!ok) {
			fprintf(stderr, "gpuident: %s: %s\n", argv[i], v->error);
			ret = GI_EXIT_ERROR;
		} else if (ret == GI_EXIT_OK &&
			   v->report.verdict != GI_VERDICT_ORIGINAL &&
			   v->report.verdict != GI_VERDICT_REGIONAL &&
			   v->report.verdict != GI_VERDICT_UNKNOWN) {
			ret = GI_EXIT_SUSPICIOUS;
		}
		if (opt->json)
			json_object_array_add(list, gi_vbios_json(v));
		else if (ok)
			gi_vbios_print(stdout, v, opt->verbose);
		if (!opt->json && ok && i + 1 < argc)
			putchar('\n');
	}
	if (root) {
		puts(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
						    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(root);
	}
	free(v);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "numeric", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct options opt = { 0 };
	const char *cmd;
	int c;

	while ((c = getopt_long(argc, argv, "+jvnhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			opt.json = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'n':
			opt.numeric = true;
			break;
		case 'h':
			usage(stdout);
			return GI_EXIT_OK;
		case 'V':
			printf("gpuident %s\n", GPUIDENT_VERSION);
			return GI_EXIT_OK;
		default:
			fprintf(stderr, "Try 'gpuident --help' for more information.\n");
			return GI_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "gpuident: the live audit needs the gpuident kernel module, "
			"which this version does not include yet;\n"
			"use 'gpuident vbios FILE...' to check VBIOS files.\n");
		return GI_EXIT_NO_MODULE;
	}
	cmd = argv[optind++];
	/* Options may also follow the command. */
	while ((c = getopt_long(argc, argv, "+jvnhV", longopts, NULL)) != -1) {
		if (c == 'j')
			opt.json = true;
		else if (c == 'v')
			opt.verbose = true;
		else if (c == 'n')
			opt.numeric = true;
		else {
			fprintf(stderr, "Try 'gpuident --help' for more information.\n");
			return GI_EXIT_USAGE;
		}
	}
	if (!strcmp(cmd, "vbios"))
		return cmd_vbios(&opt, argc - optind, argv + optind);
	fprintf(stderr, "gpuident: unknown command '%s'\n"
		"Try 'gpuident --help' for more information.\n", cmd);
	return GI_EXIT_USAGE;
}
