/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gpuident.ko internals: one gpuident_gpu per display-class PCI function.
 */
#ifndef GPUIDENT_H
#define GPUIDENT_H

#include <linux/device.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/workqueue.h>

#include "gpuident/classify.h"
#include "gpuident/facts.h"
#include "gpuident/nvreg.h"

#define GPUIDENT_SHA256_SIZE	32

/*
 * Everything one probe found. Built by gpuident_collect() without locks,
 * then published under gpuident_gpu.lock; never changed afterwards.
 */
struct gpuident_result {
	/* PCI Express link, from Link Capabilities and Link Status */
	bool has_pcie;
	u8 pcie_max_gen, pcie_max_width, pcie_gen, pcie_width;
	/* BARs */
	u64 bar1_size;			/* NVIDIA only, 0 otherwise */
	bool resizable_bar;
	bool rebar_known;		/* capabilities walked (device awake) */
	/* Vital Product Data and the Device Serial Number capability */
	char vpd_pn[48];
	char vpd_sn[48];
	u64 dsn;			/* 0: no capability */
	/* VBIOS */
	u8 *rom;			/* kvmalloc'd, NULL if none read */
	size_t rom_len;
	const char *rom_source;		/* GPUIDENT_ROM_* */
	const char *rom_error;		/* GPUIDENT_VBIOS_*: why rom is NULL */
	u8 rom_sha256[GPUIDENT_SHA256_SIZE];
	bool rom_parsed;
	u16 rom_vendor_id, rom_device_id;
	const char *rom_checksum;	/* "ok", "bad" or NULL: not judged */
	u16 rom_ssvid, rom_ssid;	/* board IDs the VBIOS records, or 0 */
	char bios_version[16];
	char part_number[48];
	/* NVIDIA registers */
	const char *regs;		/* GPUIDENT_REGS_* */
	struct gi_nv_probe nv;
	/* the verdict */
	struct gi_facts facts;
	struct gi_report report;
};

struct gpuident_gpu {
	struct device dev;		/* our class device, child of pdev */
	struct pci_dev *pdev;		/* referenced for our lifetime */
	struct list_head node;		/* in gpuident_gpus */
	struct delayed_work probe_work;
	struct mutex lock;		/* guards the fields below */
	unsigned int probe_tries;	/* of the current request */
	unsigned long probes_requested;	/* bumped by each queued probe */
	unsigned long probes_done;	/* requests the last probe covered */
	struct gpuident_result *res;	/* NULL until the first probe ends */
	bool dying;			/* no more probes may be queued */
	u64 visible;			/* attributes shown now (sysfs.c) */
};

static inline struct gpuident_gpu *to_gpuident_gpu(struct device *dev)
{
	return container_of(dev, struct gpuident_gpu, dev);
}

/* Module parameters (gpuident_main.c) */
extern unsigned int gpuident_rom_max_size;
extern bool gpuident_read_registers;
extern bool gpuident_wake_suspended;
extern bool gpuident_read_rom;
extern bool gpuident_read_prom;

/* gpuident_collect.c: read what the hardware shows, read-only */
/* ERR_PTR(-EBUSY): device lock held elsewhere, try again (unless last_try) */
struct gpuident_result *gpuident_collect(struct pci_dev *pdev, bool last_try);
void gpuident_result_free(struct gpuident_result *res);

/* gpuident_sysfs.c */
extern const struct attribute_group *gpuident_groups[];
/*
 * Which result attributes the current result shows, as a bit mask, and
 * re-evaluating them in sysfs. Updating a group removes and re-creates
 * its files (which breaks descriptors readers hold open), so it is done
 * only when the mask changes.
 */
u64 gpuident_visible_mask(struct gpuident_gpu *gpu);
int gpuident_refresh_attrs(struct gpuident_gpu *gpu);
/* Queue a probe of @gpu (at once or after @delay jiffies) unless dying. */
bool gpuident_queue_probe(struct gpuident_gpu *gpu, unsigned long delay);
/* Has a probe that started after the last request ended? gpu->lock held. */
bool gpuident_ready(struct gpuident_gpu *gpu);

#endif /* GPUIDENT_H */
