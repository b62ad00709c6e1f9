/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Capture readers: what people paste about a GPU (nvidia-smi -q, its XML,
 * the nvidia-smi table, -L and --query-gpu CSV, lspci text and config-space
 * dumps, CUDA deviceQuery, PyTorch's device prints, GPU-Z's XML dump,
 * /proc/driver/nvidia/gpus/ * /information) turned into facts records for
 * the classifier. Input is untrusted text: every reader works on
 * length-bounded spans, never on NUL-terminated copies, and does a bounded
 * amount of work per input byte.
 *
 * This header is for the callers of the readers (analyze.c); what the
 * readers share among themselves is in reader.h.
 */
#ifndef GPUIDENT_TOOLS_CAPTURE_H
#define GPUIDENT_TOOLS_CAPTURE_H

#include "gpuident/facts.h"

#define GI_CAPTURE_MAX_GPUS 64

/*
 * One bit per input format, in gi_capture_gpu.formats; each has its entry
 * in tools/capture/readers.c (reader.h says how to add a format).
 */
enum gi_capture_format {
	GI_CAPTURE_SMI_Q,	/* "nvidia-smi-q": nvidia-smi -q text */
	GI_CAPTURE_SMI_XML,	/* "nvidia-smi-xml": nvidia-smi -q -x */
	GI_CAPTURE_SMI_TABLE,	/* "nvidia-smi": the default boxed table */
	GI_CAPTURE_LSPCI,	/* "lspci": lspci text, -n/-nn/-k/-v/-vv/-vvv */
	GI_CAPTURE_LSPCI_X,	/* "lspci-x": lspci -x/-xxx/-xxxx hex */
	GI_CAPTURE_HEXDUMP,	/* "hexdump": hexdump/xxd/od of a config file */
	GI_CAPTURE_DEVICEQUERY,	/* "devicequery": CUDA sample deviceQuery */
	GI_CAPTURE_PROC,	/* "proc-nvidia": /proc/driver/nvidia/.../information */
	GI_CAPTURE_SMI_L,	/* "nvidia-smi-L": nvidia-smi -L */
	GI_CAPTURE_SMI_CSV,	/* "nvidia-smi-csv": nvidia-smi --query-gpu --format=csv */
	GI_CAPTURE_PYTORCH,	/* "pytorch": torch.cuda.get_device_properties/_name prints */
	GI_CAPTURE_GPUZ,	/* "gpu-z": GPU-Z.exe -dump FILE (XML) */
	GI_CAPTURE_LSPCI_MM,	/* "lspci-mm": lspci -mm/-nnmm/-nmm, -vmm/-vm */
	GI_CAPTURE_N_FORMATS
};

struct gi_capture_gpu {
	struct gi_facts facts;      /* origin = GI_ORIGIN_REPORT; have bits only for what the input showed */
	char format[24];            /* "nvidia-smi-q", "nvidia-smi-xml", "nvidia-smi", "lspci", "lspci-x", "hexdump", "devicequery", "proc-nvidia", "nvidia-smi-L", "nvidia-smi-csv", "pytorch", "gpu-z", "lspci-mm" (several joined by "+" when merged) */
	char address[32];           /* PCI address normalised to "dddd:bb:dd.f" lowercase, "" if the input gave none */
	char name[96];              /* the product name as the input gave it */
	char bios_version[32];      /* as given, e.g. "95.02.18.80.87" */
	char board_part_number[48], gpu_part_number[32], serial[64], uuid[64], driver_version[32];
	u32 not_shown;              /* GI_HAVE_* bits this input format cannot show at all (e.g. the nvidia-smi table view has no subsystem ID) */

	/* Added beyond the interface above. */
	u32 formats;		/* 1 << enum gi_capture_format, every source merged */
	/*
	 * GI_HAVE_* bits that were not read but derived: GI_HAVE_IDS when the
	 * device ID came from the product name through the knowledge base.
	 */
	u32 inferred;
	/* GI_HAVE_* bits two merged sources disagreed on; the first is kept. */
	u32 conflicts;
	/* the first disagreement in words: "VRAM 24564 MiB, 49140 MiB (nvidia-smi)" */
	char conflict[96];
	/* the formats that gave the name and the IDs read (not inferred) */
	u32 name_from, ids_from;
	/*
	 * The PCI vendor the input implies without showing IDs: NVIDIA for
	 * nvidia-smi, deviceQuery and /proc/driver/nvidia; the vendor's name
	 * in plain lspci. 0 if none. Used to map a name to a device ID.
	 */
	u16 vendor_hint;
	bool rebar;		/* lspci/config space: resizable BAR capability */
	/*
	 * Memory bus width in bits as deviceQuery shows it, 0 if not shown:
	 * only used to choose among the SKUs that carry a name.
	 */
	u16 bus_bits;
	/*
	 * The name list the input was named from gives the name to several
	 * devices ("3rd Gen Core processor Graphics Controller" is 8086:0156,
	 * 0166 and 0176): the knowledge base's names must not pick one.
	 */
	bool name_shared;
	size_t offset;		/* where in the input this GPU first appeared */
};

/* Parse @len bytes (text, any mix of formats, with noise). Fills up to @max GPUs,
 * merging the records of one PCI address found in several formats. Returns the
 * number found (0: nothing recognised) or -1 with a message in @err. Never
 * reads outside @data, never crashes, never hangs (linear-ish time). */
int gi_capture_parse(const char *data, size_t len, struct gi_capture_gpu *out, int max, char *err, size_t errlen);

/*
 * On success @err holds "" or a warning (more GPUs than @max: the rest were
 * left out). Records come in the order they first appear in the input.
 */

/*
 * One device, one record, across several inputs (the files of one analyze
 * call): records of different formats that share a PCI address (and do
 * not name different devices), or that are each other's only match by
 * IDs or name, are merged, the later into the earlier. Two records of one
 * format are never merged: they are two GPUs, or the same view twice.
 * @into (may be NULL) gets, for each of the @n records, the index of the
 * record it now is part of. Returns the new count.
 */
int gi_capture_merge(struct gi_capture_gpu *g, int n, int *into);

/* "nvidia-smi-q" etc. for one enum gi_capture_format, "?" if out of range. */
const char *gi_capture_format_name(unsigned int format);

/*
 * The device ID of a product name, through the knowledge base: every SKU
 * of @vendor (0: any vendor) that carries the name (gi_kb_sku_named(): its
 * product or another name; case, an "NVIDIA " prefix, spaces and hyphens
 * do not matter, "..." marks a truncation) has the same vendor and device
 * ID. False when none or several devices match: without facts to choose
 * among namesakes, nothing is guessed.
 */
bool gi_capture_name_to_id(const char *name, u16 vendor, u16 *vendor_id,
			   u16 *device_id);

/*
 * lspci without -n shows names where the IDs would be. These map a name
 * back to its ID. The tool sets them (through pci.ids: tools/names.c);
 * without them (NULL, the default, as in the fuzz target) lspci is read
 * with the GPU makers' own names and "Device 2684" only. Not thread-safe:
 * set before parsing.
 */
struct gi_capture_names {
	/* "Gigabyte Technology Co., Ltd" -> 1458; false if none or several */
	bool (*vendor_id)(const char *name, u16 *vendor);
	/*
	 * 10de, "AD102 [GeForce RTX 4090]" -> 2684. Returns how many devices
	 * carry the name: 0, 1 (in @device) or 2 for several.
	 */
	int (*device_id)(u16 vendor, const char *name, u16 *device);
	/* 10de:1e30 by 10de, "Quadro RTX 8000" -> the subsystem ID */
	bool (*subsystem_id)(u16 vendor, u16 device, u16 ssvid,
			     const char *name, u16 *ssid);
};

void gi_capture_set_names(const struct gi_capture_names *names);

#endif
