// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `gpuident --direct`: the same facts without the module, from the PCI
 * core's sysfs files. Reading only: the ID files the core caches, the
 * first config bytes, the "rom" file (enabling it makes the kernel do its
 * own pci_map_rom(), the one config write gpuident allows), and NVIDIA's
 * allowlisted registers through a read-only mapping of resource0.
 * A runtime-suspended GPU is not woken: its config space, ROM and
 * registers are left alone.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sha2.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "direct.h"
#include "fileio.h"
#include "gpuident/atombios.h"
#include "gpuident/nvbios.h"
#include "gpuident/nvreg.h"
#include "gpuident/rom.h"

#define PCI_SYSFS	"/sys/bus/pci/devices"
#define IORESOURCE_ROM_SHADOW_FLAG	0x2	/* IORESOURCE_ROM_SHADOW */

static bool read_line(const char *dir, const char *name, char *buf, size_t n)
{
	char path[512];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "re");
	if (!f)
		return false;
	ok = fgets(buf, n, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

static bool read_ulong(const char *dir, const char *name, unsigned long long *v)
{
	char buf[64], *end;

	if (!read_line(dir, name, buf, sizeof(buf)))
		return false;
	*v = strtoull(buf, &end, 0);
	return end != buf;
}

/* Size and flags of resource line @idx of the "resource" file. */
static bool resource(const char *dir, int idx, unsigned long long *size,
		     unsigned long long *flags)
{
	char path[512], line[256];
	unsigned long long start, end;
	int i = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/resource", dir);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (i++ != idx)
			continue;
		fclose(f);
		if (sscanf(line, "%llx %llx %llx", &start, &end, flags) != 3)
			return false;
		*size = end > start ? end - start + 1 : 0;
		return true;
	}
	fclose(f);
	return false;
}

/* Would touching this device's memory wake it or read garbage? */
static const char *why_not_accessible(const char *dir)
{
	char buf[32];
	unsigned char cfg[8];
	char path[512];
	int fd;

	if (read_line(dir, "power/runtime_status", buf, sizeof(buf)) &&
	    strcmp(buf, "active") && strcmp(buf, "unsupported"))
		return "suspended";
	if (read_line(dir, "power_state", buf, sizeof(buf)) &&
	    strcmp(buf, "D0") && strcmp(buf, "unknown"))
		return "not-d0";
	snprintf(path, sizeof(path), "%s/config", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || pread(fd, cfg, sizeof(cfg), 0) != sizeof(cfg)) {
		if (fd >= 0)
			close(fd);
		return "no-config";
	}
	close(fd);
	if (!(cfg[4] & 0x02))		/* PCI_COMMAND_MEMORY */
		return "no-memory-decode";
	return NULL;
}

static int read_rom(const char *dir, unsigned char **rom, size_t *len,
		    char *err, size_t errlen)
{
	char path[512];
	int fd, ret;

	snprintf(path, sizeof(path), "%s/rom", dir);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s", errno == ENOENT ? "no ROM BAR" :
			 strerror(errno));
		return -1;
	}
	if (write(fd, "1", 1) != 1) {
		snprintf(err, errlen, "cannot enable %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	ret = gi_read_file(path, GI_ROM_MAX_SIZE, rom, len, err, errlen);
	/* the kernel maps the ROM per read; "0" only closes the door again */
	(void)!write(fd, "0", 1);
	close(fd);
	if (!ret && !*len) {
		snprintf(err, errlen, "the ROM BAR holds no valid image");
		free(*rom);
		*rom = NULL;
		return -1;
	}
	return ret;
}

static void add_rom(struct gi_gpu *g, const unsigned char *buf, size_t len,
		    bool shadow)
{
	struct gi_rom *rom = malloc(sizeof(*rom));
	struct gi_nvbios nv;
	struct gi_atombios ab;
	bool has_nv, has_ab;

	if (!rom)
		return;
	SHA256Data(buf, len, g->vbios_sha256);
	snprintf(g->vbios_source, sizeof(g->vbios_source), "%s",
		 shadow ? "shadow" : "rom-bar");
	if (gi_rom_parse(rom, buf, len) == GI_OK) {
		has_nv = gi_nvbios_parse(&nv, rom, buf, len) == GI_OK;
		has_ab = gi_atombios_parse(&ab, rom, buf, len) == GI_OK;
		if (has_nv && nv.has_version)
			snprintf(g->bios_version, sizeof(g->bios_version), "%s",
				 nv.version_str);
		if (has_ab)
			snprintf(g->part_number, sizeof(g->part_number), "%s",
				 ab.part_number);
		gi_facts_add_device_rom(&g->facts, rom, has_nv ? &nv : NULL,
					has_ab ? &ab : NULL, shadow);
	}
	free(rom);
}

struct mapped_bar0 {
	const volatile unsigned char *base;
	size_t len;
};

static u32 mmap_rd(void *ctx, u32 off)
{
	const struct mapped_bar0 *b = ctx;

	if (!gi_nv_reg_allowed(off) || off + 4 > b->len)
		return 0xffffffffu;
	return *(const volatile u32 *)(b->base + off);
}

static void add_registers(struct gi_gpu *g, const char *dir)
{
	struct gi_facts *f = &g->facts;
	struct mapped_bar0 b;
	struct gi_nv_probe p;
	char path[512];
	struct stat st;
	void *map;
	int fd;

	snprintf(path, sizeof(path), "%s/resource0", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) || st.st_size < 0x1000) {
		snprintf(g->registers, sizeof(g->registers), "no-bar0");
		if (fd >= 0)
			close(fd);
		return;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		snprintf(g->registers, sizeof(g->registers), "no-bar0");
		return;
	}
	b.base = map;
	b.len = st.st_size;
	if (gi_nv_probe(mmap_rd, &b, &p)) {
		snprintf(g->registers, sizeof(g->registers), "read");
		f->have |= GI_HAVE_CHIP_ID;
		f->nv_chip_id = p.chip.chip_id;
		if (p.has_sm) {
			f->have |= GI_HAVE_SM_COUNT;
			f->sm_count = p.sm_count;
			f->sm_from_fuses = p.sm_from_fuses;
		}
		if (p.has_vram) {
			f->have |= GI_HAVE_VRAM;
			f->vram_mib = p.vram_bytes >> 20;
			f->vram_source = GI_VRAM_REGISTER;
		}
	} else {
		snprintf(g->registers, sizeof(g->registers), "unreadable");
	}
	munmap(map, st.st_size);
}

static void direct_one(struct gi_gpu *g, const char *dir, bool root)
{
	struct gi_facts *f = &g->facts;
	unsigned long long v, d, sv, sd, rev, size, flags;
	const char *why;
	unsigned char *rom;
	char err[160];
	size_t len;

	snprintf(g->source, sizeof(g->source), "direct");
	f->origin = GI_ORIGIN_DEVICE;
	if (read_ulong(dir, "vendor", &v) && read_ulong(dir, "device", &d)) {
		f->have |= GI_HAVE_IDS;
		f->vendor_id = v;
		f->device_id = d;
	}
	if (read_ulong(dir, "subsystem_vendor", &sv) &&
	    read_ulong(dir, "subsystem_device", &sd)) {
		f->have |= GI_HAVE_SUBSYS;
		f->ssvid = sv;
		f->ssid = sd;
	}
	if (read_ulong(dir, "revision", &rev)) {
		f->have |= GI_HAVE_REVISION;
		f->revision = rev;
	}
	if (f->vendor_id == 0x10de && resource(dir, 1, &size, &flags) && size) {
		f->have |= GI_HAVE_BAR1;
		f->bar1_mib = size >> 20;
	}
	why = why_not_accessible(dir);
	if (why) {
		snprintf(g->registers, sizeof(g->registers), "%s", why);
		snprintf(g->note, sizeof(g->note),
			 "%s: VBIOS and registers not read, to leave the GPU as it is", why);
		return;
	}
	if (read_ulong(dir, "max_link_width", &v)) {
		char speed[32];

		f->have |= GI_HAVE_LINK;
		f->link_width_max = v;
		if (read_line(dir, "max_link_speed", speed, sizeof(speed)))
			f->link_gen_max = !strncmp(speed, "2.5", 3) ? 1 :
					  !strncmp(speed, "5.0", 3) ? 2 :
					  !strncmp(speed, "8.0", 3) ? 3 :
					  !strncmp(speed, "16.0", 4) ? 4 :
					  !strncmp(speed, "32.0", 4) ? 5 :
					  !strncmp(speed, "64.0", 4) ? 6 : 0;
	}
	if (!root) {
		snprintf(g->note, sizeof(g->note),
			 "not root: the VBIOS and the registers were not read "
			 "(run as root, or load the gpuident module)");
		return;
	}
	if (read_rom(dir, &rom, &len, err, sizeof(err)) == 0) {
		add_rom(g, rom, len, resource(dir, 6, &size, &flags) &&
			(flags & IORESOURCE_ROM_SHADOW_FLAG));
		free(rom);
	} else {
		snprintf(g->note, sizeof(g->note), "VBIOS: %s", err);
	}
	if (f->vendor_id == 0x10de)
		add_registers(g, dir);
	else
		snprintf(g->registers, sizeof(g->registers), "not-nvidia");
}

int gi_direct_read(struct gi_gpu_list *list, char *err, size_t errlen)
{
	struct dirent **names;
	bool root = geteuid() == 0;
	int i, n, found = 0;

	n = scandir(PCI_SYSFS, &names, NULL, alphasort);
	if (n < 0) {
		snprintf(err, errlen, "cannot read %s: %s", PCI_SYSFS, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		char dir[512];
		unsigned long long cls;
		struct gi_gpu *g;

		snprintf(dir, sizeof(dir), PCI_SYSFS "/%s", names[i]->d_name);
		if (names[i]->d_name[0] == '.' || !read_ulong(dir, "class", &cls) ||
		    (cls >> 16) != 0x03)
			continue;
		g = gi_gpu_list_add(list);
		if (!g)
			break;
		snprintf(g->address, sizeof(g->address), "%s", names[i]->d_name);
		direct_one(g, dir, root);
		gi_gpu_classify(g);
		found++;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return found;
}
