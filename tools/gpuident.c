// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gpuident: identify GPUs and flag regional variants, transplanted dies,
 * modified and relabelled cards. This file holds the command line only;
 * every source and output lives in its own file.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "bundle.h"
#include "direct.h"
#include "exitcodes.h"
#include "gpuident/abi.h"
#include "gpuident/version.h"
#include "kmodctl.h"
#include "live.h"
#include "names.h"
#include "output.h"
#include "vbios.h"

/* How long the live audit waits for GPUs the module is still probing. */
#define DEFAULT_WAIT_MS 5000

enum format { FMT_TABLE, FMT_JSON, FMT_PROMETHEUS };

struct options {
	enum format format;
	struct gi_output_opts out;
	const char *output;	/* -o FILE */
	bool load;
	bool direct;
	int color;		/* -1 auto, 0 never, 1 always */
	unsigned int wait_ms;
};

static void usage(FILE *out)
{
	fputs("Usage:\n"
	      " gpuident [options]                  audit the GPUs of this machine\n"
	      " gpuident [options] analyze FILE...  classify captures: nvidia-smi (-q, -q -x,\n"
	      "                                     table), lspci (-nn, -vvv, -x), deviceQuery,\n"
	      "                                     PyTorch prints, GPU-Z XML dumps,\n"
	      "                                     /proc/driver/nvidia, VBIOS files, bundles\n"
	      " gpuident [options] vbios FILE...    parse VBIOS (option ROM) files\n"
	      " gpuident [options] capture -o FILE  save everything read here, for an auditor\n"
	      "\n"
	      "Identify GPUs and tell originals from regional variants, transplanted\n"
	      "dies, modified and relabelled cards, with the evidence. FILE may be -\n"
	      "for standard input.\n"
	      "\n"
	      "Options:\n"
	      " -j, --json             JSON output ({\"gpus\": [...]}, see gpuident(8))\n"
	      " -p, --prometheus       Prometheus text format, for node_exporter\n"
	      " -o, --output FILE      write the output to FILE atomically\n"
	      " -v, --verbose          every finding with observed and expected values\n"
	      " -n, --numeric          numeric IDs instead of names\n"
	      " -d, --direct           read /sys/bus/pci without the module (root reads more)\n"
	      " -l, --load             load the gpuident module first (root)\n"
	      " -w, --wait MS          wait this long for GPUs still probing (default 5000)\n"
	      "     --color[=WHEN]     colour the verdicts: auto (default), always, never\n"
	      " -h, --help             display this help\n"
	      " -V, --version          display version\n"
	      "\n"
	      "Exit status: 0 clean, 1 an input or device could not be read, 2 usage\n"
	      "error, 3 a GPU or VBIOS is suspicious (transplant, modified, relabelled),\n"
	      "4 no GPU found, 5 the gpuident module is not loaded.\n"
	      "\n"
	      "For more details see gpuident(8).\n", out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "gpuident: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'gpuident --help' for more information.\n");
	return GI_EXIT_USAGE;
}

static int suspicious_exit(const struct gi_gpu_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (gi_verdict_suspicious(l->v[i].report.verdict))
			return GI_EXIT_SUSPICIOUS;
	return GI_EXIT_OK;
}

/* Print (or write with -o) the list in the chosen format. */
static int emit(const struct options *o, const struct gi_gpu_list *l)
{
	char *text = NULL, err[256];
	size_t len = 0;
	FILE *out = o->output ? open_memstream(&text, &len) : stdout;
	int ret = 0;

	if (!out) {
		fprintf(stderr, "gpuident: out of memory\n");
		return -1;
	}
	if (o->format == FMT_JSON) {
		json_object *j = gi_output_json(l, &o->out);

		fprintf(out, "%s\n", json_object_to_json_string_ext(j,
			JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(j);
	} else if (o->format == FMT_PROMETHEUS) {
		gi_output_prometheus(out, l);
	} else {
		gi_output_table(out, l, &o->out);
	}
	if (o->output) {
		fclose(out);
		if (gi_write_atomic(o->output, text, len, err, sizeof(err))) {
			fprintf(stderr, "gpuident: %s\n", err);
			ret = -1;
		}
		free(text);
	}
	return ret;
}

static int ensure_module(const struct options *o)
{
	enum gi_kmod_state st;
	char err[256];

	/* The class directory answers at once; libkmod loads its indexes. */
	if (access("/sys/class/" GPUIDENT_CLASS, F_OK) == 0)
		return 0;
	st = gi_kmod_state();
	if (st == GI_KMOD_LOADED)
		return 0;
	if (o->load) {
		if (gi_kmod_load(err, sizeof(err))) {
			fprintf(stderr, "gpuident: %s\n", err);
			return -1;
		}
		return 0;
	}
	if (st == GI_KMOD_NOT_INSTALLED)
		fprintf(stderr,
			"gpuident: the gpuident kernel module is not installed for this kernel.\n"
			"Install it with DKMS (see README: dkms install gpuident/%s), or run\n"
			"'gpuident --direct' to read what the PCI core shows without it.\n",
			GPUIDENT_VERSION);
	else
		fprintf(stderr,
			"gpuident: the gpuident kernel module is not loaded.\n"
			"Load it with 'sudo modprobe gpuident' (or 'sudo gpuident --load'), or run\n"
			"'gpuident --direct' to read what the PCI core shows without it.\n");
	return -1;
}

static int cmd_audit(const struct options *o)
{
	struct gi_gpu_list l = { 0 };
	char err[256];
	int n, ret;

	if (o->direct) {
		n = gi_direct_read(&l, err, sizeof(err));
	} else {
		if (ensure_module(o))
			return GI_EXIT_NO_MODULE;
		n = gi_live_read(&l, o->wait_ms, err, sizeof(err));
	}
	if (n < 0) {
		fprintf(stderr, "gpuident: %s\n", err);
		gi_gpu_list_free(&l);
		return GI_EXIT_ERROR;
	}
	if (emit(o, &l)) {
		gi_gpu_list_free(&l);
		return GI_EXIT_ERROR;
	}
	if (n == 0 && o->format == FMT_TABLE)
		fprintf(stderr, "gpuident: no display-class PCI device found\n");
	ret = n == 0 ? GI_EXIT_NO_GPU : suspicious_exit(&l);
	gi_gpu_list_free(&l);
	return ret;
}

static int cmd_analyze(const struct options *o, int argc, char **argv)
{
	struct gi_gpu_list l = { 0 };
	bool failed = false;
	char err[256];
	int i, ret;

	if (argc < 1)
		return usage_error("%s: no file given", "analyze");
	for (i = 0; i < argc; i++) {
		if (gi_analyze_file(argv[i], &l, err, sizeof(err)) < 0) {
			fprintf(stderr, "gpuident: %s: %s\n", argv[i], err);
			failed = true;
		}
	}
	gi_analyze_merge(&l);
	/*
	 * Nothing read at all: the error lines say it, and a table header
	 * over no rows would only look like a result. JSON and Prometheus
	 * still say "no GPUs" to whatever parses them.
	 */
	if (!(failed && !l.n && o->format == FMT_TABLE) && emit(o, &l))
		failed = true;
	ret = failed ? GI_EXIT_ERROR : suspicious_exit(&l);
	gi_gpu_list_free(&l);
	return ret;
}

static int cmd_vbios(const struct options *o, int argc, char **argv)
{
	json_object *root = NULL, *list = NULL;
	int i, ret = GI_EXIT_OK;
	struct gi_vbios *v;

	if (argc < 1)
		return usage_error("%s: no file given", "vbios");
	v = malloc(sizeof(*v));
	if (!v) {
		fprintf(stderr, "gpuident: out of memory\n");
		return GI_EXIT_ERROR;
	}
	if (o->format == FMT_JSON) {
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
			   gi_verdict_suspicious(v->report.verdict)) {
			ret = GI_EXIT_SUSPICIOUS;
		}
		if (root)
			json_object_array_add(list, gi_vbios_json(v));
		else if (ok)
			gi_vbios_print(stdout, v, o->out.verbose);
		if (!root && ok && i + 1 < argc)
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

static int cmd_capture(const struct options *o)
{
	struct gi_gpu_list l = { 0 };
	char err[256], modver[64] = "", *text = NULL;
	size_t len = 0;
	bool module;
	FILE *f;
	int n;

	if (!o->output)
		return usage_error("%s: -o FILE is required", "capture");
	module = access("/sys/class/" GPUIDENT_CLASS, F_OK) == 0 ||
		 gi_kmod_state() == GI_KMOD_LOADED;
	n = module ? gi_live_read(&l, o->wait_ms, err, sizeof(err)) :
		     gi_direct_read(&l, err, sizeof(err));
	if (n < 0) {
		fprintf(stderr, "gpuident: %s\n", err);
		return GI_EXIT_ERROR;
	}
	f = fopen("/sys/module/gpuident/version", "re");
	if (f) {
		if (fgets(modver, sizeof(modver), f))
			modver[strcspn(modver, "\n")] = '\0';
		fclose(f);
	}
	f = open_memstream(&text, &len);
	if (!f || gi_bundle_write(f, &l, modver[0] ? modver : NULL)) {
		fprintf(stderr, "gpuident: cannot build the capture\n");
		gi_gpu_list_free(&l);
		return GI_EXIT_ERROR;
	}
	fclose(f);
	n = gi_write_atomic(o->output, text, len, err, sizeof(err));
	if (n)
		fprintf(stderr, "gpuident: %s\n", err);
	else if (o->format == FMT_TABLE)
		fprintf(stderr, "gpuident: %zu GPU%s saved to %s (%s)\n", l.n,
			l.n == 1 ? "" : "s", o->output, module ? "module" : "direct");
	free(text);
	gi_gpu_list_free(&l);
	return n ? GI_EXIT_ERROR : GI_EXIT_OK;
}

static int parse_color(const char *arg)
{
	if (!arg || !strcmp(arg, "always"))
		return 1;
	if (!strcmp(arg, "never"))
		return 0;
	if (!strcmp(arg, "auto"))
		return -1;
	return -2;
}

int main(int argc, char **argv)
{
	enum { OPT_COLOR = 256 };
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "prometheus", no_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "numeric", no_argument, NULL, 'n' },
		{ "direct", no_argument, NULL, 'd' },
		{ "load", no_argument, NULL, 'l' },
		{ "wait", required_argument, NULL, 'w' },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o = { .color = -1, .wait_ms = DEFAULT_WAIT_MS };
	const char *cmd = NULL;
	char *end;
	int c, ret;

	/* Options may come before or after the command. */
	while ((c = getopt_long(argc, argv, "jpo:vndlw:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			o.format = FMT_JSON;
			break;
		case 'p':
			o.format = FMT_PROMETHEUS;
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'v':
			o.out.verbose = true;
			break;
		case 'n':
			o.out.numeric = true;
			break;
		case 'd':
			o.direct = true;
			break;
		case 'l':
			o.load = true;
			break;
		case 'w':
			o.wait_ms = strtoul(optarg, &end, 10);
			if (*end || end == optarg)
				return usage_error("invalid --wait value '%s'", optarg);
			break;
		case OPT_COLOR:
			o.color = parse_color(optarg);
			if (o.color == -2)
				return usage_error("invalid --color value '%s'", optarg);
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
	if (optind < argc)
		cmd = argv[optind++];
	o.out.color = o.format == FMT_TABLE && !o.output &&
		      (o.color == 1 || (o.color == -1 && isatty(STDOUT_FILENO) &&
					!getenv("NO_COLOR")));
	if (cmd && (o.direct || o.load) && strcmp(cmd, "capture"))
		return usage_error("--direct and --load apply to the audit, not '%s'", cmd);

	gi_names_init(o.out.numeric);
	if (!cmd)
		ret = cmd_audit(&o);
	else if (!strcmp(cmd, "analyze"))
		ret = cmd_analyze(&o, argc - optind, argv + optind);
	else if (!strcmp(cmd, "vbios"))
		ret = cmd_vbios(&o, argc - optind, argv + optind);
	else if (!strcmp(cmd, "capture") && optind == argc)
		ret = cmd_capture(&o);
	else
		ret = usage_error("unknown command or stray argument '%s'", cmd);
	gi_names_cleanup();
	return ret;
}
