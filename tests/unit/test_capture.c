// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The capture readers (tools/capture/): every real capture in
 * ../shared/captures against its MANIFEST.tsv row, then inputs built here
 * for each format, with the noise, line ends, truncation and mixtures
 * people paste, and the modified cards of research/SKUS.md (E3-E5).
 */
#include <stdlib.h>
#include <time.h>

#include "gitest.h"
#include "captest.h"
#include "capture/reader.h"
#include "fileio.h"

static bool failed(enum gi_check c)
{
	unsigned int i;

	for (i = 0; i < rep.n_findings; i++)
		if (rep.findings[i].check == c &&
		    rep.findings[i].result == GI_RESULT_FAIL)
			return true;
	return false;
}

static bool any_failed(void)
{
	unsigned int i;

	for (i = 0; i < rep.n_findings; i++)
		if (rep.findings[i].result == GI_RESULT_FAIL)
			return true;
	return false;
}

/* ---- nvidia-smi -q built here ----------------------------------------- */

struct smi {
	const char *addr;		/* "00000000:01:00.0" */
	const char *name;
	const char *dev;		/* "0x268410DE" */
	const char *subsys;
	const char *bios;
	unsigned int fb, bar1;
	const char *ecc;		/* "Enabled", "Disabled", "N/A" */
	const char *mig;
	const char *virt;
};

static const struct smi rtx4090 = {
	"00000000:01:00.0", "NVIDIA GeForce RTX 4090", "0x268410DE",
	"0x16F410DE", "95.02.18.80.87", 24564, 256, "Disabled", "N/A", "None",
};

/* One GPU block of `nvidia-smi -q`, as drivers 535-570 print it. */
static size_t smi_block(char *buf, size_t n, const struct smi *s, const char *nl)
{
	return (size_t)snprintf(buf, n,
		"GPU %s%s"
		"    Product Name                          : %s%s"
		"    Product Brand                         : GeForce%s"
		"    MIG Mode%s"
		"        Current                           : %s%s"
		"        Pending                           : %s%s"
		"    Serial Number                         : 1322823110528%s"
		"    GPU UUID                              : GPU-b9029ae5-75ac-6ded-3592-%.12s%s"
		"    VBIOS Version                         : %s%s"
		"    Board Part Number                     : 900-1G136-2530-000%s"
		"    GPU Part Number                       : 2684-301-A1%s"
		"    GPU Virtualization Mode%s"
		"        Virtualization Mode               : %s%s"
		"        Host VGPU Mode                    : N/A%s"
		"    PCI%s"
		"        Bus                               : 0x01%s"
		"        Device Id                         : %s%s"
		"        Bus Id                            : %s%s"
		"        Sub System Id                     : %s%s"
		"        GPU Link Info%s"
		"            PCIe Generation%s"
		"                Max                       : 3%s"
		"                Current                   : 1%s"
		"                Device Current            : 1%s"
		"                Device Max                : 4%s"
		"                Host Max                  : 3%s"
		"            Link Width%s"
		"                Max                       : 16x%s"
		"                Current                   : 16x%s"
		"    FB Memory Usage%s"
		"        Total                             : %u MiB%s"
		"        Reserved                          : 354 MiB%s"
		"        Used                              : 609 MiB%s"
		"    BAR1 Memory Usage%s"
		"        Total                             : %u MiB%s"
		"        Used                              : 18 MiB%s"
		"    Conf Compute Protected Memory Usage%s"
		"        Total                             : 0 MiB%s"
		"    ECC Mode%s"
		"        Current                           : %s%s"
		"        Pending                           : %s%s",
		s->addr, nl, s->name, nl, nl, nl, s->mig, nl, s->mig, nl, nl,
		s->addr + 4, nl, s->bios, nl, nl, nl, nl, s->virt, nl, nl, nl, nl,
		s->dev, nl, s->addr, nl, s->subsys, nl, nl, nl, nl, nl, nl, nl, nl,
		nl, nl, nl, nl, s->fb, nl, nl, nl, nl, s->bar1, nl, nl, nl, nl, nl,
		s->ecc, nl, s->ecc, nl);
}

static char *smi_log(const struct smi *s, unsigned int n, const char *nl)
{
	size_t size = 8192 + 4096 * (size_t)n, used;
	char *buf = malloc(size);
	unsigned int i;

	if (!buf)
		abort();
	used = (size_t)snprintf(buf, size,
		"user@box:~$ nvidia-smi -q%s%s==============NVSMI LOG==============%s%s"
		"Timestamp                                 : Thu Nov 14 09:19:13 2024%s"
		"Driver Version                            : 550.127.05%s"
		"CUDA Version                              : 12.4%s%s"
		"Attached GPUs                             : %u%s",
		nl, nl, nl, nl, nl, nl, nl, nl, n, nl);
	for (i = 0; i < n; i++) {
		used += smi_block(buf + used, size - used, &s[i], nl);
		used += (size_t)snprintf(buf + used, size - used, "%s", nl);
	}
	snprintf(buf + used, size - used, "user@box:~$ %s", nl);
	return buf;
}

static struct gi_capture_gpu *smi_one(const struct smi *s)
{
	char *text = smi_log(s, 1, "\n");
	int n = parse(text);

	free(text);
	return n == 1 ? &gpus[0] : NULL;
}

/* ---- the real captures ------------------------------------------------- */

struct row {
	char id[80], kind[32], label[24], device[16], subsys[16], bios[24];
	char mem[16], bar1[16];
};

/* Field @i of a tab-separated line, copied into @dst. */
static void field(const char *line, unsigned int i, char *dst, size_t n)
{
	const char *end;

	while (i-- && line)
		line = (line = strchr(line, '\t')) ? line + 1 : NULL;
	if (!line) {
		dst[0] = '\0';
		return;
	}
	end = strpbrk(line, "\t\n");
	snprintf(dst, n, "%.*s", end ? (int)(end - line) : (int)strlen(line), line);
}

static bool bios_bytes(const char *s, u8 *v)
{
	unsigned int b[5], i;

	if (sscanf(s, "%2x.%2x.%2x.%2x.%2x", &b[0], &b[1], &b[2], &b[3], &b[4]) != 5)
		return false;
	for (i = 0; i < 5; i++)
		v[i] = (u8)b[i];
	return true;
}

static void check_capture(const char *dir, const struct row *r)
{
	char path[512], msg[16];
	unsigned long dev = strtoul(r->device, NULL, 16);
	unsigned long ss = strtoul(r->subsys, NULL, 16);
	const struct gi_capture_gpu *g;
	unsigned char *data;
	size_t len;
	u8 v[5];
	int n;

	snprintf(path, sizeof(path), "%s/captures/%s.txt", dir, r->id);
	if (gi_read_file(path, 1 << 22, &data, &len, msg, sizeof(msg))) {
		gi_test_fail(__FILE__, __LINE__, "%s: cannot read: %s", r->id, msg);
		return;
	}
	n = gi_capture_parse((const char *)data, len, gpus, GI_CAPTURE_MAX_GPUS,
			     err, sizeof(err));
	free(data);
	if (n != 1) {
		gi_test_fail(__FILE__, __LINE__, "%s: %d GPUs, expected 1", r->id, n);
		return;
	}
	g = &gpus[0];
#define CHECK(cond, ...)						\
	do {								\
		if (!(cond))						\
			gi_test_fail(__FILE__, __LINE__, __VA_ARGS__);	\
	} while (0)
	CHECK(!strcmp(g->format, r->kind), "%s: format %s, manifest %s", r->id,
	      g->format, r->kind);
	CHECK((g->facts.have & GI_HAVE_IDS) && g->facts.vendor_id == 0x10de &&
	      g->facts.device_id == dev, "%s: device %04x:%04x, manifest %s",
	      r->id, g->facts.vendor_id, g->facts.device_id, r->device);
	CHECK((g->facts.have & GI_HAVE_SUBSYS) && g->facts.ssid == (ss >> 16) &&
	      g->facts.ssvid == (ss & 0xffff), "%s: subsystem %04x:%04x, manifest %s",
	      r->id, g->facts.ssvid, g->facts.ssid, r->subsys);
	CHECK(bios_bytes(r->bios, v) && (g->facts.have & GI_HAVE_BIOS_VERSION) &&
	      !memcmp(g->facts.bios_version, v, 5),
	      "%s: VBIOS %s, manifest %s", r->id, g->bios_version, r->bios);
	CHECK((g->facts.have & GI_HAVE_VRAM) && g->facts.vram_source == GI_VRAM_DRIVER &&
	      g->facts.vram_mib == strtoul(r->mem, NULL, 10),
	      "%s: memory %u MiB, manifest %s", r->id, g->facts.vram_mib, r->mem);
	CHECK((g->facts.have & GI_HAVE_BAR1) &&
	      g->facts.bar1_mib == strtoul(r->bar1, NULL, 10),
	      "%s: BAR1 %u MiB, manifest %s", r->id, g->facts.bar1_mib, r->bar1);
	CHECK(g->facts.origin == GI_ORIGIN_REPORT, "%s: origin", r->id);
	CHECK(g->address[0] && g->name[0] && g->uuid[0], "%s: address/name/uuid",
	      r->id);
	CHECK(!strcmp(gi_verdict_name(verdict(g)), r->label),
	      "%s: classified %s, manifest %s", r->id,
	      gi_verdict_name(rep.verdict), r->label);
#undef CHECK
}

GI_TEST(capture_shared_corpus_matches_manifest)
{
	const char *dir = gi_test_shared_dir();
	static char line[16384];
	char path[512];
	unsigned int rows = 0;
	FILE *f;

	if (!dir) {
		gi_test_skip("no ../shared (set GI_SHARED): real captures not checked");
		return;
	}
	snprintf(path, sizeof(path), "%s/captures/MANIFEST.tsv", dir);
	f = fopen(path, "r");
	if (!f) {
		gi_test_skip("no ../shared/captures/MANIFEST.tsv");
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		struct row r;

		field(line, 0, r.id, sizeof(r.id));
		if (!r.id[0] || !strcmp(r.id, "case_id"))
			continue;
		field(line, 1, r.kind, sizeof(r.kind));
		field(line, 4, r.label, sizeof(r.label));
		field(line, 6, r.device, sizeof(r.device));
		field(line, 7, r.subsys, sizeof(r.subsys));
		field(line, 8, r.bios, sizeof(r.bios));
		field(line, 9, r.mem, sizeof(r.mem));
		field(line, 10, r.bar1, sizeof(r.bar1));
		check_capture(dir, &r);
		rows++;
	}
	fclose(f);
	GI_EXPECT(rows >= 20);
	printf("  %u real captures checked\n", rows);
}

/* ---- the reader table ---------------------------------------------------- */

/*
 * readers.c: one entry a format, each format's name its own, and every
 * entry without a reader of its own is written by another (lspci -x by
 * the hexdump reader).
 */
GI_TEST(capture_reader_table_one_entry_a_format)
{
	unsigned int f, g;
	size_t k, n = 0;

	GI_EXPECT_EQ(gi_n_readers, (size_t)GI_CAPTURE_N_FORMATS);
	for (f = 0; f < GI_CAPTURE_N_FORMATS; f++) {
		const struct gi_reader *r = gi_reader_of(f);

		GI_REQUIRE(r != NULL);
		GI_EXPECT_EQ(r->format, f);
		GI_EXPECT_STR(gi_capture_format_name(f), r->name);
		for (g = 0; g < f; g++)
			GI_EXPECT(strcmp(gi_capture_format_name(g), r->name));
	}
	GI_EXPECT(gi_reader_of(GI_CAPTURE_N_FORMATS) == NULL);
	GI_EXPECT_STR(gi_capture_format_name(GI_CAPTURE_N_FORMATS), "?");
	for (k = 0; k < gi_n_readers; k++)
		n += gi_readers[k].read != NULL;
	GI_EXPECT_EQ(n, gi_n_readers - 1);
	GI_EXPECT(gi_reader_of(GI_CAPTURE_LSPCI_X)->read == NULL);
}

/* ---- primitives --------------------------------------------------------- */

static struct gi_span span(const char *s)
{
	return (struct gi_span){ s, strlen(s) };
}

GI_TEST(capture_vbios_version_strict)
{
	u8 v[5];

	GI_EXPECT(gi_parse_vbios_version(span("95.02.18.80.87"), v));
	GI_EXPECT_EQ(v[0], 0x95);
	GI_EXPECT_EQ(v[4], 0x87);
	GI_EXPECT(gi_parse_vbios_version(span(" 96.00.a5.00.0E "), v));
	GI_EXPECT_EQ(v[2], 0xa5);
	GI_EXPECT_EQ(v[4], 0x0e);
	GI_EXPECT(!gi_parse_vbios_version(span("95.02.18.80"), v));
	GI_EXPECT(!gi_parse_vbios_version(span("95.02.18.80.87.01"), v));
	GI_EXPECT(!gi_parse_vbios_version(span("95.2.18.80.875"), v));
	GI_EXPECT(!gi_parse_vbios_version(span("95.02.18.80.8G"), v));
	GI_EXPECT(!gi_parse_vbios_version(span("95-02-18-80-87"), v));
	GI_EXPECT(!gi_parse_vbios_version(span("N/A"), v));
	GI_EXPECT(!gi_parse_vbios_version(span(""), v));
}

GI_TEST(capture_pci_address_forms)
{
	u8 bus, dev, fn;
	size_t used;
	u32 dom;
	char buf[32];

	GI_REQUIRE(gi_parse_pci_addr(span("00000000:01:00.0"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT_EQ(used, 16);
	GI_EXPECT_EQ(bus, 1);
	GI_REQUIRE(gi_parse_pci_addr(span("0000:C1:00.1 VGA"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT_EQ(bus, 0xc1);
	GI_EXPECT_EQ(fn, 1);
	GI_EXPECT_EQ(used, 12);
	GI_REQUIRE(gi_parse_pci_addr(span("4b:00.0"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT_EQ(dom, 0);
	GI_EXPECT_EQ(bus, 0x4b);
	GI_REQUIRE(gi_parse_pci_addr(span("10000:e1:1f.7"), &dom, &bus, &dev, &fn, &used));
	gi_format_pci_addr(buf, sizeof(buf), dom, bus, dev, fn);
	GI_EXPECT_STR(buf, "10000:e1:1f.7");
	GI_EXPECT(!gi_parse_pci_addr(span("01:20.0"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT(!gi_parse_pci_addr(span("01:00.8"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT(!gi_parse_pci_addr(span("01:00.01"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT(!gi_parse_pci_addr(span("01:00"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT(!gi_parse_pci_addr(span("10de:2684"), &dom, &bus, &dev, &fn, &used));
	GI_EXPECT(!gi_parse_pci_addr(span(""), &dom, &bus, &dev, &fn, &used));
}

GI_TEST(capture_name_to_id_exact_and_unambiguous)
{
	u16 v = 0, d = 0;

	GI_EXPECT(gi_capture_name_to_id("NVIDIA GeForce RTX 4090", 0x10de, &v, &d));
	GI_EXPECT_EQ(v, 0x10de);
	GI_EXPECT_EQ(d, 0x2684);
	GI_EXPECT(gi_capture_name_to_id("nvidia geforce rtx 4090 d", 0, &v, &d));
	GI_EXPECT_EQ(d, 0x2685);
	GI_EXPECT(gi_capture_name_to_id("Tesla T4", 0x10de, &v, &d));
	GI_EXPECT_EQ(d, 0x1eb8);
	/* two device IDs, one product with the same specs: either stands */
	GI_EXPECT(gi_capture_name_to_id("NVIDIA GeForce RTX 4090 Laptop GPU", 0x10de, &v, &d));
	GI_EXPECT(d == 0x2717 || d == 0x2757);
	/* several device IDs whose specs differ carry this name: never guess */
	GI_EXPECT(!gi_capture_name_to_id("NVIDIA GeForce RTX 3060", 0x10de, &v, &d));
	GI_EXPECT(!gi_capture_name_to_id("NVIDIA GeForce RTX 409", 0x10de, &v, &d));
	GI_EXPECT(!gi_capture_name_to_id("NVIDIA GeForce ...", 0x10de, &v, &d));
	GI_EXPECT(!gi_capture_name_to_id("Graphics Device", 0x10de, &v, &d));
	GI_EXPECT(!gi_capture_name_to_id("GeForce RTX 4090", 0x1002, &v, &d));
	GI_EXPECT(!gi_capture_name_to_id("", 0, &v, &d));
}

/* ---- nvidia-smi -q -------------------------------------------------------- */

GI_TEST(capture_smi_q_fields)
{
	const struct gi_capture_gpu *g = smi_one(&rtx4090);

	GI_REQUIRE(g);
	GI_EXPECT_STR(g->format, "nvidia-smi-q");
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(g->bios_version, "95.02.18.80.87");
	GI_EXPECT_STR(g->board_part_number, "900-1G136-2530-000");
	GI_EXPECT_STR(g->gpu_part_number, "2684-301-A1");
	GI_EXPECT_STR(g->serial, "1322823110528");
	GI_EXPECT_STR(g->uuid, "GPU-b9029ae5-75ac-6ded-3592-0000:01:00.0");
	GI_EXPECT_STR(g->driver_version, "550.127.05");
	GI_EXPECT_EQ(g->facts.origin, GI_ORIGIN_REPORT);
	GI_EXPECT_EQ(g->facts.vendor_id, 0x10de);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT_EQ(g->facts.ssvid, 0x10de);
	GI_EXPECT_EQ(g->facts.ssid, 0x16f4);
	GI_EXPECT_EQ(g->facts.vram_mib, 24564);
	GI_EXPECT_EQ(g->facts.vram_source, GI_VRAM_DRIVER);
	GI_EXPECT_EQ(g->facts.bar1_mib, 256);
	GI_EXPECT(g->facts.have & GI_HAVE_ECC);
	GI_EXPECT(!g->facts.ecc_enabled);
	GI_EXPECT(!g->facts.partitioned);
	/* "Device Max" (the GPU's) wins over "Max" (the link's) */
	GI_EXPECT_EQ(g->facts.link_gen_max, 4);
	GI_EXPECT_EQ(g->facts.link_width_max, 16);
	GI_EXPECT_EQ(g->facts.bios_version[1], 0x02);
	GI_EXPECT_STR(g->facts.part_number, "900-1G136-2530-000");
	GI_EXPECT_EQ(g->facts.have, GI_HAVE_IDS | GI_HAVE_SUBSYS | GI_HAVE_VRAM |
		     GI_HAVE_BAR1 | GI_HAVE_BIOS_VERSION | GI_HAVE_ECC |
		     GI_HAVE_LINK | GI_HAVE_PART_NUMBER);
	GI_EXPECT(g->not_shown & GI_HAVE_REVISION);
	GI_EXPECT(!(g->not_shown & GI_HAVE_IDS));
	GI_EXPECT_EQ(g->not_shown & g->facts.have, 0);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
}

GI_TEST(capture_smi_q_crlf_tabs_and_noise)
{
	char *text = smi_log(&rtx4090, 1, "\r\n");
	char *noisy = malloc(strlen(text) + 512);
	size_t i, o = 0;
	int n;

	GI_REQUIRE(noisy);
	o += (size_t)sprintf(noisy, "[2024-11-14 09:19:13] collecting\r\nGPU 0 is busy\r\n");
	/* an editor that turned each 8 leading spaces into a tab */
	for (i = 0; text[i]; i++) {
		if ((i == 0 || text[i - 1] == '\n') && !strncmp(text + i, "        ", 8)) {
			noisy[o++] = '\t';
			i += 7;
			continue;
		}
		noisy[o++] = text[i];
	}
	noisy[o] = '\0';
	strcat(noisy, "\r\nlogout\r\n");
	n = parse(noisy);
	free(text);
	free(noisy);
	GI_REQUIRE(n == 1);
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT_EQ(gpus[0].facts.ssid, 0x16f4);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 24564);
	GI_EXPECT_EQ(gpus[0].facts.bar1_mib, 256);
	GI_EXPECT_EQ(gpus[0].facts.link_width_max, 16);
	GI_EXPECT_STR(gpus[0].bios_version, "95.02.18.80.87");
}

GI_TEST(capture_smi_q_eight_gpus)
{
	static const char *const bus[8] = { "18", "2A", "3A", "5D", "9A", "AB", "BA", "DB" };
	struct smi s[8];
	char addr[8][20];
	char *text;
	int i, n;

	for (i = 0; i < 8; i++) {
		s[i] = rtx4090;
		snprintf(addr[i], sizeof(addr[i]), "00000000:%s:00.0", bus[i]);
		s[i].addr = addr[i];
		s[i].name = "NVIDIA H800";
		s[i].dev = "0x232410DE";
		s[i].subsys = "0x17A610DE";
		s[i].bios = "96.00.51.00.0E";
		s[i].fb = 81559;
		s[i].bar1 = 131072;
	}
	text = smi_log(s, 8, "\n");
	n = parse(text);
	free(text);
	GI_REQUIRE(n == 8);
	for (i = 0; i < 8; i++) {
		char want[20];

		snprintf(want, sizeof(want), "0000:%c%c:00.0", bus[i][0] | 0x20,
			 bus[i][1] >= 'A' ? bus[i][1] | 0x20 : bus[i][1]);
		GI_EXPECT_STR(gpus[i].address, want);
		GI_EXPECT_EQ(gpus[i].facts.device_id, 0x2324);
		GI_EXPECT_EQ(gpus[i].facts.vram_mib, 81559);
		GI_EXPECT_EQ(verdict(&gpus[i]), GI_VERDICT_REGIONAL);
	}
}

GI_TEST(capture_smi_q_truncated_mid_block)
{
	char *text = smi_log(&rtx4090, 1, "\n");
	char *cut = strstr(text, "    FB Memory Usage");
	int n;

	GI_REQUIRE(cut);
	*cut = '\0';
	n = parse(text);
	GI_REQUIRE(n == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_VRAM));
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_BAR1));
	/* and cut in the middle of a line */
	cut = strstr(text, "0x16F410DE");
	GI_REQUIRE(cut);
	cut[5] = '\0';
	n = parse(text);
	free(text);
	GI_REQUIRE(n == 1);
	/* "0x16F" is what is left of "0x16F410DE": no subsystem, not 016f:0000 */
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_SUBSYS));
	GI_EXPECT(gpus[0].facts.have & GI_HAVE_IDS);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
}

GI_TEST(capture_smi_q_mig_slices_are_not_the_gpu)
{
	static const char text[] =
		"GPU 00000000:07:00.0\n"
		"    Product Name                          : NVIDIA A100-SXM4-80GB\n"
		"    MIG Mode\n"
		"        Current                           : Enabled\n"
		"        Pending                           : Enabled\n"
		"    MIG Devices\n"
		"        MIG Device\n"
		"            Index                         : 0\n"
		"            FB Memory Usage\n"
		"                Total                     : 19968 MiB\n"
		"            BAR1 Memory Usage\n"
		"                Total                     : 32767 MiB\n"
		"    VBIOS Version                         : 92.00.36.00.02\n"
		"    PCI\n"
		"        Device Id                         : 0x20B210DE\n"
		"        Sub System Id                     : 0x147F10DE\n"
		"    FB Memory Usage\n"
		"        Total                             : 81920 MiB\n"
		"    BAR1 Memory Usage\n"
		"        Total                             : 131072 MiB\n"
		"    Ecc Mode\n"
		"        Current                           : Enabled\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 81920);
	GI_EXPECT_EQ(gpus[0].facts.bar1_mib, 131072);
	GI_EXPECT(gpus[0].facts.partitioned);
	GI_EXPECT(gpus[0].facts.ecc_enabled);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
}

GI_TEST(capture_smi_q_vgpu_is_a_partition_passthrough_is_not)
{
	struct smi s = rtx4090;

	s.virt = "VGPU";
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT(gpus[0].facts.partitioned);
	s.virt = "Host VGPU";
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT(gpus[0].facts.partitioned);
	s.virt = "Pass-Through";
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT(!gpus[0].facts.partitioned);
}

/* ---- nvidia-smi -q -x ----------------------------------------------------- */

static const char xml_two[] =
	"$ nvidia-smi -q -x\n"
	"<?xml version=\"1.0\" ?>\n"
	"<!DOCTYPE nvidia_smi_log SYSTEM \"nvsmi_device_v12.dtd\">\n"
	"<nvidia_smi_log>\n"
	"\t<driver_version>535.54.03</driver_version>\n"
	"\t<!-- a comment with <gpu id=\"x\"> in it -->\n"
	"\t<gpu id=\"00000000:4B:00.0\">\n"
	"\t\t<product_name>NVIDIA L20</product_name>\n"
	"\t\t<mig_mode><current_mig>N/A</current_mig></mig_mode>\n"
	"\t\t<serial>1651323018291</serial>\n"
	"\t\t<uuid>GPU-34bf77d1-c686-6821-79a8-32d326c5039c</uuid>\n"
	"\t\t<vbios_version>95.02.6E.00.05</vbios_version>\n"
	"\t\t<board_part_number>900-2G133-00A0-000</board_part_number>\n"
	"\t\t<gpu_virtualization_mode><virtualization_mode>Pass-Through</virtualization_mode></gpu_virtualization_mode>\n"
	"\t\t<pci>\n"
	"\t\t\t<pci_device_id>26BA10DE</pci_device_id>\n"
	"\t\t\t<pci_bus_id>00000000:4B:00.0</pci_bus_id>\n"
	"\t\t\t<pci_sub_system_id>187310DE</pci_sub_system_id>\n"
	"\t\t\t<pci_gpu_link_info>\n"
	"\t\t\t\t<pcie_gen><max_link_gen>4</max_link_gen><current_link_gen>1</current_link_gen></pcie_gen>\n"
	"\t\t\t\t<link_widths><max_link_width>16x</max_link_width></link_widths>\n"
	"\t\t\t</pci_gpu_link_info>\n"
	"\t\t</pci>\n"
	"\t\t<fb_memory_usage>\n"
	"\t\t\t<total>46068 MiB</total>\n"
	"\t\t\t<reserved>566 MiB</reserved>\n"
	"\t\t</fb_memory_usage>\n"
	"\t\t<bar1_memory_usage><total>65536 MiB</total></bar1_memory_usage>\n"
	"\t\t<ecc_mode><current_ecc>Enabled</current_ecc></ecc_mode>\n"
	"\t</gpu>\n"
	"\t<gpu id=\"00000000:CA:00.0\">\n"
	"\t\t<product_name>Tesla T4 &amp; friends</product_name>\n"
	"\t\t<empty/>\n"
	"\t\t<pci><pci_device_id>1EB810DE</pci_device_id><pci_sub_system_id>12A210DE</pci_sub_system_id></pci>\n"
	"\t\t<fb_memory_usage><total>15360 MiB</total></fb_memory_usage>\n"
	"\t</gpu>\n"
	"</nvidia_smi_log>\n";

GI_TEST(capture_xml_two_gpus)
{
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(xml_two) == 2);
	GI_EXPECT_STR(g->format, "nvidia-smi-xml");
	GI_EXPECT_STR(g->address, "0000:4b:00.0");
	GI_EXPECT_STR(g->name, "NVIDIA L20");
	GI_EXPECT_STR(g->driver_version, "535.54.03");
	GI_EXPECT_STR(g->serial, "1651323018291");
	GI_EXPECT_STR(g->board_part_number, "900-2G133-00A0-000");
	GI_EXPECT_EQ(g->facts.device_id, 0x26ba);
	GI_EXPECT_EQ(g->facts.ssid, 0x1873);
	GI_EXPECT_EQ(g->facts.vram_mib, 46068);
	GI_EXPECT_EQ(g->facts.bar1_mib, 65536);
	GI_EXPECT_EQ(g->facts.link_gen_max, 4);
	GI_EXPECT_EQ(g->facts.link_width_max, 16);
	GI_EXPECT(g->facts.ecc_enabled);
	GI_EXPECT(!g->facts.partitioned);
	GI_EXPECT_EQ(g->facts.bios_version[2], 0x6e);
	/* L20 with ECC on: 46068 of 48 GiB is the ECC carve-out, not a mod */
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_REGIONAL);
	GI_EXPECT(!any_failed());
	g = &gpus[1];
	GI_EXPECT_STR(g->address, "0000:ca:00.0");
	GI_EXPECT_STR(g->name, "Tesla T4 & friends");
	GI_EXPECT_EQ(g->facts.device_id, 0x1eb8);
	GI_EXPECT_EQ(g->facts.vram_mib, 15360);
}

GI_TEST(capture_xml_truncated_and_malformed)
{
	char buf[sizeof(xml_two)];
	const char *cut = strstr(xml_two, "<fb_memory_usage>");
	size_t len;

	GI_REQUIRE(cut);
	/* cut inside the first <gpu>: what it showed so far is kept */
	len = (size_t)(cut - xml_two) + 5;
	memcpy(buf, xml_two, len);
	GI_REQUIRE(gi_capture_parse(buf, len, gpus, GI_CAPTURE_MAX_GPUS, err,
				    sizeof(err)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x26ba);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_VRAM));
	/* end tags that do not match, stray '<' */
	GI_REQUIRE(parse("<gpu id=\"0000:01:00.0\"><pci><pci_device_id>268410DE"
			 "</pci_device_id></gpu> a < b <product_name>x</pci>") == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT(!gpus[0].name[0]);
	GI_EXPECT_EQ(parse("<gpu"), 0);
	GI_EXPECT_EQ(parse("<!-- <gpu id=\"0000:01:00.0\"><pci>"), 0);
}

/* ---- the nvidia-smi table ------------------------------------------------ */

static const char table[] =
	"Thu Nov 14 09:19:13 2024\n"
	"+-----------------------------------------------------------------------------------------+\n"
	"| NVIDIA-SMI 550.127.05             Driver Version: 550.127.05     CUDA Version: 12.4     |\n"
	"|-----------------------------------------+------------------------+----------------------+\n"
	"| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |\n"
	"| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |\n"
	"|                                         |                        |               MIG M. |\n"
	"|=========================================+========================+======================|\n"
	"|   0  NVIDIA GeForce RTX 4090        Off |   00000000:01:00.0  On |                  Off |\n"
	"| 30%   35C    P8             21W /  450W |     388MiB /  24564MiB |      0%      Default |\n"
	"|                                         |                        |                  N/A |\n"
	"+-----------------------------------------+------------------------+----------------------+\n"
	"|   1  NVIDIA A100-SXM4-80GB          On  |   00000000:07:00.0 Off |                    0 |\n"
	"| N/A   33C    P0             61W /  400W |       1MiB /  81920MiB |      0%      Default |\n"
	"|                                         |                        |              Enabled |\n"
	"+-----------------------------------------+------------------------+----------------------+\n"
	"|   2  NVIDIA GeForce RTX 3080 ...    Off |   00000000:C1:00.0 Off |                  N/A |\n"
	"|  0%   44C    P8             11W /  370W |      15MiB /  12288MiB |      0%      Default |\n"
	"+-----------------------------------------+------------------------+----------------------+\n"
	"\n"
	"+-----------------------------------------------------------------------------------------+\n"
	"| Processes:                                                                              |\n"
	"|  GPU   GI   CI        PID   Type   Process name                              GPU Memory |\n"
	"|    0   N/A  N/A      1180      G   /usr/lib/xorg/Xorg                            290MiB |\n"
	"+-----------------------------------------------------------------------------------------+\n";

GI_TEST(capture_smi_table)
{
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(table) == 3);
	GI_EXPECT_STR(g->format, "nvidia-smi");
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(g->driver_version, "550.127.05");
	GI_EXPECT_EQ(g->facts.vram_mib, 24564);
	GI_EXPECT(g->facts.have & GI_HAVE_ECC);
	GI_EXPECT(!g->facts.ecc_enabled);
	/* no IDs in the table: from the name, through the knowledge base */
	GI_EXPECT(g->facts.have & GI_HAVE_IDS);
	GI_EXPECT(g->inferred & GI_HAVE_IDS);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT(g->not_shown & GI_HAVE_IDS);
	GI_EXPECT(g->not_shown & GI_HAVE_SUBSYS);
	GI_EXPECT(g->not_shown & GI_HAVE_BIOS_VERSION);
	GI_EXPECT(g->not_shown & GI_HAVE_BAR1);
	GI_EXPECT(!(g->facts.have & (GI_HAVE_SUBSYS | GI_HAVE_BAR1 |
				     GI_HAVE_BIOS_VERSION)));
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
	g = &gpus[1];
	GI_EXPECT_STR(g->name, "NVIDIA A100-SXM4-80GB");
	GI_EXPECT(g->facts.ecc_enabled);
	GI_EXPECT(g->facts.partitioned);
	/* the driver's own name for 20B2, as the table prints it */
	GI_EXPECT(g->facts.have & GI_HAVE_IDS);
	GI_EXPECT_EQ(g->facts.device_id, 0x20B2);
	g = &gpus[2];
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 3080 ...");
	GI_EXPECT(!(g->facts.have & GI_HAVE_IDS));
	GI_EXPECT(!(g->facts.have & GI_HAVE_ECC));
	GI_EXPECT_EQ(g->facts.vram_mib, 12288);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_UNKNOWN);
}

GI_TEST(capture_smi_table_old_driver_and_windows)
{
	static const char text[] =
		"+-----------------------------------------------------------------------------+\r\n"
		"| NVIDIA-SMI 472.12       Driver Version: 472.12       CUDA Version: 11.4     |\r\n"
		"|-------------------------------+----------------------+----------------------+\r\n"
		"| GPU  Name            TCC/WDDM | Bus-Id        Disp.A | Volatile Uncorr. ECC |\r\n"
		"|===============================+======================+======================|\r\n"
		"|   0  Tesla T4           TCC   | 0000:3B:00.0     Off |                    0 |\r\n"
		"| N/A   35C    P8     9W /  70W |      0MiB / 15360MiB |      0%      Default |\r\n"
		"+-------------------------------+----------------------+----------------------+\r\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].name, "Tesla T4");
	GI_EXPECT_STR(gpus[0].address, "0000:3b:00.0");
	GI_EXPECT_STR(gpus[0].driver_version, "472.12");
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1eb8);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 15360);
	GI_EXPECT(gpus[0].facts.ecc_enabled);
}

/* ---- lspci ------------------------------------------------------------------ */

static const char lspci_nn[] =
	"$ lspci -nn\n"
	"00:00.0 Host bridge [0600]: Intel Corporation Device [8086:a700] (rev 01)\n"
	"00:01.0 PCI bridge [0604]: Intel Corporation Device [8086:a70d] (rev 01)\n"
	"00:02.0 VGA compatible controller [0300]: Intel Corporation Raptor Lake-S GT1 [UHD Graphics 770] [8086:a780] (rev 04)\n"
	"01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)\n"
	"01:00.1 Audio device [0403]: NVIDIA Corporation AD102 High Definition Audio Controller [10de:22ba] (rev a1)\n"
	"02:00.0 Non-Volatile memory controller [0108]: Samsung Electronics Co Ltd NVMe SSD Controller [144d:a80c]\n"
	"c1:00.0 3D controller [0302]: NVIDIA Corporation GA100 [A100 SXM4 80GB] [10de:20b2] (rev a1)\n";

GI_TEST(capture_lspci_nn_gpus_only)
{
	GI_REQUIRE(parse(lspci_nn) == 3);
	GI_EXPECT_STR(gpus[0].address, "0000:00:02.0");
	GI_EXPECT_EQ(gpus[0].facts.vendor_id, 0x8086);
	GI_EXPECT_STR(gpus[1].format, "lspci");
	GI_EXPECT_STR(gpus[1].address, "0000:01:00.0");
	GI_EXPECT_STR(gpus[1].name, "GeForce RTX 4090");
	GI_EXPECT_EQ(gpus[1].facts.vendor_id, 0x10de);
	GI_EXPECT_EQ(gpus[1].facts.device_id, 0x2684);
	GI_EXPECT_EQ(gpus[1].facts.revision, 0xa1);
	GI_EXPECT(gpus[1].facts.have & GI_HAVE_REVISION);
	GI_EXPECT(!(gpus[1].inferred & GI_HAVE_IDS));
	GI_EXPECT_STR(gpus[2].address, "0000:c1:00.0");
	GI_EXPECT_EQ(gpus[2].facts.device_id, 0x20b2);
	GI_EXPECT(gpus[2].not_shown & GI_HAVE_VRAM);
}

GI_TEST(capture_lspci_plain_and_n)
{
	GI_REQUIRE(parse("01:00.0 VGA compatible controller: NVIDIA Corporation AD102 [GeForce RTX 4090] (rev a1)\n"
			 "02:00.0 0302: 10de:1eb8 (rev a1)\n") == 2);
	GI_EXPECT_STR(gpus[0].name, "GeForce RTX 4090");
	GI_EXPECT_EQ(gpus[0].vendor_hint, 0x10de);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT(gpus[0].inferred & GI_HAVE_IDS);
	GI_EXPECT_EQ(gpus[1].facts.device_id, 0x1eb8);
	GI_EXPECT(!(gpus[1].inferred & GI_HAVE_IDS));
	GI_EXPECT(!gpus[1].name[0]);
}

static const char lspci_vvv[] =
	"# lspci -nnvvv -s 01:00.0\n"
	"0000:01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1) (prog-if 00 [VGA controller])\n"
	"\tSubsystem: ASUSTeK Computer Inc. Device [1043:889d]\n"
	"\tControl: I/O+ Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+\n"
	"\tLatency: 0\n"
	"\tInterrupt: pin A routed to IRQ 186\n"
	"\tIOMMU group: 14\n"
	"\tRegion 0: Memory at 84000000 (32-bit, non-prefetchable) [size=16M]\n"
	"\tRegion 1: Memory at 4000000000 (64-bit, prefetchable) [size=32G]\n"
	"\tRegion 3: Memory at 4800000000 (64-bit, prefetchable) [size=32M]\n"
	"\tRegion 5: I/O ports at 4000 [size=128]\n"
	"\tExpansion ROM at 85000000 [virtual] [disabled] [size=512K]\n"
	"\tCapabilities: [60] Power Management version 3\n"
	"\t\tFlags: PMEClk- DSI- D1- D2- AuxCurrent=0mA PME(D0-,D1-,D2-,D3hot-,D3cold-)\n"
	"\tCapabilities: [78] Express (v2) Legacy Endpoint, MSI 00\n"
	"\t\tDevCap:\tMaxPayload 256 bytes, PhantFunc 0, Latency L0s unlimited, L1 <64us\n"
	"\t\tLnkCap:\tPort #0, Speed 16GT/s, Width x16, ASPM L1, Exit Latency L1 <4us\n"
	"\t\tLnkSta:\tSpeed 2.5GT/s (downgraded), Width x16\n"
	"\t\tLnkCap2: Supported Link Speeds: 2.5-16GT/s, Crosslink- Retimer+ 2Retimers+ DRS-\n"
	"\tCapabilities: [b4] Vital Product Data\n"
	"\t\tProduct Name: NVIDIA GeForce RTX 4090\n"
	"\t\tRead-only fields:\n"
	"\t\t\t[PN] Part number: 900-1G136-2530-000\n"
	"\t\t\t[SN] Serial number: 1322823110528\n"
	"\t\tEnd\n"
	"\tCapabilities: [bb0 v1] Physical Resizable BAR\n"
	"\t\tBAR 0: current size: 16MB, supported: 16MB\n"
	"\t\tBAR 1: current size: 32GB, supported: 64MB 128MB 256MB 512MB 1GB 2GB 4GB 8GB 16GB 32GB\n"
	"\tKernel driver in use: nvidia\n"
	"\tKernel modules: nvidiafb, nouveau, nvidia_drm, nvidia\n"
	"\n";

GI_TEST(capture_lspci_vvv_block)
{
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(lspci_vvv) == 1);
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT_EQ(g->facts.ssvid, 0x1043);
	GI_EXPECT_EQ(g->facts.ssid, 0x889d);
	GI_EXPECT_EQ(g->facts.bar1_mib, 32768);
	GI_EXPECT_EQ(g->facts.link_gen_max, 4);
	GI_EXPECT_EQ(g->facts.link_width_max, 16);
	GI_EXPECT(g->rebar);
	GI_EXPECT_STR(g->board_part_number, "900-1G136-2530-000");
	GI_EXPECT_STR(g->serial, "1322823110528");
	GI_EXPECT_STR(g->name, "GeForce RTX 4090");
}

GI_TEST(capture_lspci_v_regions_without_numbers)
{
	GI_REQUIRE(parse("01:00.0 VGA compatible controller [0300]: NVIDIA Corporation TU102 [GeForce RTX 2080 Ti Rev. A] [10de:1e07] (rev a1) (prog-if 00 [VGA controller])\n"
			 "        Subsystem: NVIDIA Corporation Device [10de:12fa]\n"
			 "        Flags: bus master, fast devsel, latency 0, IRQ 130\n"
			 "        Memory at f6000000 (32-bit, non-prefetchable) [size=16M]\n"
			 "        Memory at e0000000 (64-bit, prefetchable) [size=256M]\n"
			 "        Memory at f0000000 (64-bit, prefetchable) [size=32M]\n"
			 "        I/O ports at e000 [size=128]\n") == 1);
	GI_EXPECT_EQ(gpus[0].facts.bar1_mib, 256);
	GI_EXPECT_EQ(gpus[0].facts.ssid, 0x12fa);
}

/* ---- config space dumps ------------------------------------------------------ */

/*
 * An RTX 4090's config space: header, PCIe capability at 0x78 (LnkCap
 * gen 4 x16), resizable BAR at 0x100 with BAR1 at 32 GiB.
 */
static void cfg_4090(u8 *c)
{
	memset(c, 0, 4096);
	c[0] = 0xde; c[1] = 0x10; c[2] = 0x84; c[3] = 0x26;
	c[4] = 0x07; c[5] = 0x04; c[6] = 0x10; c[7] = 0x00;
	c[8] = 0xa1; c[9] = 0x00; c[10] = 0x00; c[11] = 0x03;
	c[0x0e] = 0x80;
	c[0x2c] = 0x43; c[0x2d] = 0x10; c[0x2e] = 0x9d; c[0x2f] = 0x88;
	c[0x34] = 0x60;
	c[0x60] = 0x01; c[0x61] = 0x78;		/* PM -> 0x78 */
	c[0x78] = 0x10; c[0x79] = 0x00;		/* PCIe, end */
	c[0x84] = 0x04;				/* LnkCap 0x104: 16GT/s, x16 */
	c[0x85] = 0x01;
	/* ReBAR at 0x100, next 0 */
	c[0x100] = 0x15; c[0x101] = 0x00; c[0x102] = 0x01; c[0x103] = 0x00;
	c[0x108] = 0x00 | (3 << 5); c[0x109] = 4;	/* BAR0 16 MiB, 3 BARs */
	c[0x110] = 0x01; c[0x111] = 15;			/* BAR1 32 GiB */
	c[0x118] = 0x03; c[0x119] = 5;			/* BAR3 32 MiB */
}

static size_t lspci_x(char *out, size_t n, const u8 *c, size_t bytes, const char *head)
{
	size_t used = (size_t)snprintf(out, n, "%s\n", head), o;
	unsigned int i;

	for (o = 0; o < bytes; o += 16) {
		used += (size_t)snprintf(out + used, n - used, "%02zx:", o);
		for (i = 0; i < 16; i++)
			used += (size_t)snprintf(out + used, n - used, " %02x", c[o + i]);
		used += (size_t)snprintf(out + used, n - used, "\n");
	}
	return used;
}

static void expect_4090_config(const struct gi_capture_gpu *g, bool with_rebar)
{
	GI_EXPECT_EQ(g->facts.vendor_id, 0x10de);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT_EQ(g->facts.revision, 0xa1);
	GI_EXPECT_EQ(g->facts.ssvid, 0x1043);
	GI_EXPECT_EQ(g->facts.ssid, 0x889d);
	GI_EXPECT_EQ(g->facts.link_gen_max, 4);
	GI_EXPECT_EQ(g->facts.link_width_max, 16);
	if (with_rebar) {
		GI_EXPECT(g->rebar);
		GI_EXPECT_EQ(g->facts.bar1_mib, 32768);
	} else {
		GI_EXPECT(!(g->facts.have & GI_HAVE_BAR1));
	}
}

GI_TEST(capture_lspci_x_dumps)
{
	static u8 c[4096];
	static char text[32768];
	size_t used;

	cfg_4090(c);
	/* -xxx: 256 bytes; no extended capabilities */
	used = lspci_x(text, sizeof(text), c, 256,
		       "01:00.0 VGA compatible controller: NVIDIA Corporation AD102 [GeForce RTX 4090] (rev a1)");
	/* and a bridge, which is no GPU */
	c[11] = 0x06;
	lspci_x(text + used, sizeof(text) - used, c, 64, "\n00:01.0 PCI bridge: Intel Corporation Device a70d");
	c[11] = 0x03;
	GI_REQUIRE(parse(text) == 1);
	/* the device line is lspci text, the dump lspci -x: one GPU */
	GI_EXPECT_STR(gpus[0].format, "lspci+lspci-x");
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	GI_EXPECT_STR(gpus[0].name, "GeForce RTX 4090");
	expect_4090_config(&gpus[0], false);
	/* -xxxx: 4096 bytes, with the resizable BAR */
	lspci_x(text, sizeof(text), c, 4096,
		"0000:01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)");
	GI_REQUIRE(parse(text) == 1);
	expect_4090_config(&gpus[0], true);
	/* -x: 64 bytes, no capabilities reachable */
	lspci_x(text, sizeof(text), c, 64, "01:00.0 VGA compatible controller: NVIDIA Corporation Device 2684 (rev a1)");
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT_EQ(gpus[0].facts.ssid, 0x889d);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_LINK));
}

GI_TEST(capture_lspci_vx_merges_text_and_hex)
{
	static u8 c[4096];
	static char text[32768];
	size_t used;

	cfg_4090(c);
	used = (size_t)snprintf(text, sizeof(text), "%s",
		"01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1) (prog-if 00 [VGA controller])\n"
		"\tSubsystem: ASUSTeK Computer Inc. Device [1043:889d]\n"
		"\tKernel driver in use: nvidia\n");
	lspci_x(text + used - 1, sizeof(text) - used, c, 256, "");
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].format, "lspci+lspci-x");
	GI_EXPECT_EQ(gpus[0].formats, (1u << GI_CAPTURE_LSPCI) | (1u << GI_CAPTURE_LSPCI_X));
	expect_4090_config(&gpus[0], false);
	GI_EXPECT_EQ(gpus[0].conflicts, 0);
}

/* hexdump -C, with its "*" for repeated lines */
static size_t hexdump_c(char *out, size_t n, const u8 *c, size_t bytes)
{
	size_t used = 0, o;
	bool star = false;
	unsigned int i;

	for (o = 0; o < bytes; o += 16) {
		if (o && !memcmp(c + o, c + o - 16, 16)) {
			if (!star)
				used += (size_t)snprintf(out + used, n - used, "*\n");
			star = true;
			continue;
		}
		star = false;
		used += (size_t)snprintf(out + used, n - used, "%08zx ", o);
		for (i = 0; i < 16; i++)
			used += (size_t)snprintf(out + used, n - used, "%s %02x",
						 i == 8 ? " " : "", c[o + i]);
		used += (size_t)snprintf(out + used, n - used, "  |");
		for (i = 0; i < 16; i++)
			out[used++] = c[o + i] >= 0x20 && c[o + i] < 0x7f ? (char)c[o + i] : '.';
		used += (size_t)snprintf(out + used, n - used, "|\n");
	}
	used += (size_t)snprintf(out + used, n - used, "%08zx\n", bytes);
	return used;
}

GI_TEST(capture_hexdump_of_sysfs_config)
{
	static u8 c[4096];
	static char text[65536];
	size_t used, o;
	unsigned int i;

	cfg_4090(c);
	used = (size_t)snprintf(text, sizeof(text),
				"root@box:~# hexdump -C /sys/bus/pci/devices/0000:01:00.0/config\n");
	hexdump_c(text + used, sizeof(text) - used, c, 4096);
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].format, "hexdump");
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	expect_4090_config(&gpus[0], true);

	/* xxd, no path: no address */
	used = (size_t)snprintf(text, sizeof(text), "$ xxd config\r\n");
	for (o = 0; o < 256; o += 16) {
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%08zx:", o);
		for (i = 0; i < 16; i += 2)
			used += (size_t)snprintf(text + used, sizeof(text) - used,
						 " %02x%02x", c[o + i], c[o + i + 1]);
		used += (size_t)snprintf(text + used, sizeof(text) - used,
					 "  ................\r\n");
	}
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(!gpus[0].address[0]);
	expect_4090_config(&gpus[0], false);

	/* od -Ax -tx1 */
	used = 0;
	for (o = 0; o < 256; o += 16) {
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%06zx", o);
		for (i = 0; i < 16; i++)
			used += (size_t)snprintf(text + used, sizeof(text) - used,
						 " %02x", c[o + i]);
		used += (size_t)snprintf(text + used, sizeof(text) - used, "\n");
	}
	snprintf(text + used, sizeof(text) - used, "000100\n");
	GI_REQUIRE(parse(text) == 1);
	expect_4090_config(&gpus[0], false);

	/* plain hexdump: 16-bit little-endian words */
	used = 0;
	for (o = 0; o < 256; o += 16) {
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%07zx", o);
		for (i = 0; i < 16; i += 2)
			used += (size_t)snprintf(text + used, sizeof(text) - used,
						 " %02x%02x", c[o + i + 1], c[o + i]);
		used += (size_t)snprintf(text + used, sizeof(text) - used, "\n");
	}
	GI_REQUIRE(parse(text) == 1);
	expect_4090_config(&gpus[0], false);
}

GI_TEST(capture_config_space_loops_and_garbage)
{
	static u8 c[4096];
	static char text[65536];

	cfg_4090(c);
	/* capability lists that loop onto themselves */
	c[0x79] = 0x60;
	c[0x78] = 0x05;
	c[0x102] = 0x01;
	c[0x103] = 0x10;	/* next = 0x100 */
	c[0x100] = 0x01;
	lspci_x(text, sizeof(text), c, 4096, "01:00.0 VGA compatible controller: NVIDIA Corporation Device 2684");
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_LINK));
	/* a dump that stops before the class code: only the device line counts */
	lspci_x(text, sizeof(text), c, 0, "01:00.0 VGA compatible controller: NVIDIA Corporation Device 2684");
	strcat(text, "00: de 10 84 26 07 04 10 00 a1\n");
	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].format, "lspci");
	/* "Device 2684" is the ID itself (pci.ids had no name for it) */
	GI_EXPECT(gpus[0].facts.have & GI_HAVE_IDS);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT(!(gpus[0].inferred & GI_HAVE_IDS));
	/* a dump of something that is not a display device */
	c[11] = 0x02;
	lspci_x(text, sizeof(text), c, 64, "01:00.0 Ethernet controller: Intel Corporation I210");
	GI_EXPECT_EQ(parse(text), 0);
}

/* ---- merging ------------------------------------------------------------------ */

GI_TEST(capture_lspci_and_smi_of_one_gpu_merge)
{
	char *smi = smi_log(&rtx4090, 1, "\n");
	size_t n = strlen(smi) + sizeof(lspci_vvv) + sizeof(table) + 16;
	char *text = malloc(n);

	GI_REQUIRE(text);
	snprintf(text, n, "%s\n%s\n%s", lspci_vvv, smi, table);
	free(smi);
	/* the table's three GPUs, one of them the same 01:00.0 */
	GI_REQUIRE(parse(text) == 3);
	free(text);
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	/* three names do not fit in format[24]; ->formats has them all */
	GI_EXPECT_STR(gpus[0].format, "nvidia-smi-q+...");
	GI_EXPECT_EQ(gpus[0].formats, (1u << GI_CAPTURE_SMI_Q) | (1u << GI_CAPTURE_LSPCI) |
		     (1u << GI_CAPTURE_SMI_TABLE));
	/* the 4090 in the smi template has NVIDIA's subsystem, lspci ASUS's */
	GI_EXPECT(gpus[0].conflicts & GI_HAVE_SUBSYS);
	GI_EXPECT_EQ(gpus[0].facts.ssvid, 0x10de);
	/* resizable BAR of 32 GiB (lspci) vs 256 MiB (nvidia-smi) */
	GI_EXPECT(gpus[0].conflicts & GI_HAVE_BAR1);
	GI_EXPECT(!(gpus[0].conflicts & GI_HAVE_IDS));
	GI_EXPECT_STR(gpus[0].name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(gpus[0].serial, "1322823110528");
	GI_EXPECT_EQ(gpus[0].not_shown & GI_HAVE_REVISION, 0);
	GI_EXPECT(gpus[0].facts.have & GI_HAVE_REVISION);
	GI_EXPECT(!(gpus[0].inferred & GI_HAVE_IDS));
	GI_EXPECT_STR(gpus[1].address, "0000:07:00.0");
}

GI_TEST(capture_table_and_lspci_merge_ids_from_lspci)
{
	static const char text[] =
		"|   0  NVIDIA GeForce ...             Off |   00000000:01:00.0  On |                  Off |\n"
		"| 30%   35C    P8             21W /  450W |     388MiB /  49140MiB |      0%      Default |\n"
		"01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)\n";

	GI_REQUIRE(parse(text) == 1);
	GI_EXPECT_STR(gpus[0].format, "nvidia-smi+lspci");
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	GI_EXPECT_EQ(gpus[0].inferred, 0);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 49140);
	GI_EXPECT(!(gpus[0].not_shown & GI_HAVE_IDS));
	GI_EXPECT(gpus[0].not_shown & GI_HAVE_BIOS_VERSION);
	/* the first reader's name stays (lspci's; the table's is cut short) */
	GI_EXPECT_STR(gpus[0].name, "GeForce RTX 4090");
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_TRANSPLANT);
}

/* ---- deviceQuery and /proc ---------------------------------------------------- */

static const char device_query[] =
	"./deviceQuery Starting...\n"
	"\n"
	" CUDA Device Query (Runtime API) version (CUDART static linking)\n"
	"\n"
	"Detected 2 CUDA Capable device(s)\n"
	"\n"
	"Device 0: \"NVIDIA GeForce RTX 4090\"\n"
	"  CUDA Driver Version / Runtime Version          12.2 / 12.2\n"
	"  CUDA Capability Major/Minor version number:    8.9\n"
	"  Total amount of global memory:                 24217 MBytes (25393692672 bytes)\n"
	"  (%d) Multiprocessors, (128) CUDA Cores/MP:    16384 CUDA Cores\n"
	"  GPU Max Clock rate:                            2520 MHz (2.52 GHz)\n"
	"  Device has ECC support:                        Disabled\n"
	"  Device PCI Domain ID / Bus ID / location ID:   0 / 1 / 0\n"
	"  Compute Mode:\n"
	"     < Default (multiple host threads can use ::cudaSetDevice() with device simultaneously) >\n"
	"\n"
	"Device 1: \"Tesla T4\"\n"
	"  Total amount of global memory:                 14931 MBytes (15655829504 bytes)\n"
	"  ( 40) Multiprocessors, ( 64) CUDA Cores/MP:    2560 CUDA Cores\n"
	"  Device has ECC support:                        Enabled\n"
	"  Device PCI Domain ID / Bus ID / location ID:   0 / 129 / 0\n"
	"> Peer access from NVIDIA GeForce RTX 4090 (GPU0) -> Tesla T4 (GPU1) : No\n"
	"\n"
	"deviceQuery, CUDA Driver = CUDART, CUDA Driver Version = 12.2, CUDA Runtime Version = 12.2, NumDevs = 2\n"
	"Result = PASS\n";

static int parse_device_query(int sms)
{
	char text[sizeof(device_query) + 16];

	snprintf(text, sizeof(text), device_query, sms);
	return parse(text);
}

GI_TEST(capture_devicequery)
{
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse_device_query(128) == 2);
	GI_EXPECT_STR(g->format, "devicequery");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_EQ(g->facts.sm_count, 128);
	GI_EXPECT(!g->facts.sm_from_fuses);
	GI_EXPECT_EQ(g->facts.vram_mib, 24217);
	GI_EXPECT_EQ(g->facts.vram_source, GI_VRAM_DRIVER);
	GI_EXPECT(g->facts.have & GI_HAVE_ECC);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT(g->inferred & GI_HAVE_IDS);
	GI_EXPECT(g->not_shown & GI_HAVE_SUBSYS);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
	g = &gpus[1];
	GI_EXPECT_STR(g->address, "0000:81:00.0");
	GI_EXPECT_EQ(g->facts.sm_count, 40);
	GI_EXPECT(g->facts.ecc_enabled);
	GI_EXPECT_EQ(g->facts.device_id, 0x1eb8);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
}

/*
 * deviceQuery shows a name, not IDs: a "4090" with the SM count of a 4090 D
 * is a doubt that names the SKU the facts fit, never a relabelled verdict.
 */
GI_TEST(capture_devicequery_4090_with_114_sms_is_only_doubted)
{
	GI_REQUIRE(parse_device_query(114) == 2);
	GI_EXPECT_EQ(gpus[0].facts.sm_count, 114);
	GI_EXPECT(gpus[0].facts.ids_from_name);
	GI_EXPECT(verdict(&gpus[0]) != GI_VERDICT_RELABELLED);
	GI_EXPECT(failed(GI_CHECK_SM_COUNT));
	GI_EXPECT(strstr(rep.findings[0].note, "4090 D") ||
		  strstr(rep.findings[1].note, "4090 D") ||
		  strstr(rep.findings[2].note, "4090 D"));
}

static const char proc_info[] =
	"$ cat /proc/driver/nvidia/gpus/*/information\n"
	"Model: \t\t NVIDIA GeForce RTX 4090\n"
	"IRQ:   \t\t 186\n"
	"GPU UUID: \t GPU-b9029ae5-75ac-6ded-3592-fc695a3f8c1a\n"
	"Video BIOS: \t 95.02.18.80.87\n"
	"Bus Type: \t PCIe\n"
	"DMA Size: \t 47 bits\n"
	"DMA Mask: \t 0x7fffffffffff\n"
	"Bus Location: \t 0000:01:00.0\n"
	"Device Minor: \t 0\n"
	"GPU Firmware: \t 550.127.05\n"
	"GPU Excluded:\t No\n"
	"Model: \t\t NVIDIA GeForce RTX 4090 D\n"
	"IRQ:   \t\t 187\n"
	"Video BIOS: \t ??.??.??.??.??\n"
	"Bus Location: \t 0000:02:00.0\n";

GI_TEST(capture_proc_information)
{
	const struct gi_capture_gpu *g = &gpus[0];

	GI_REQUIRE(parse(proc_info) == 2);
	GI_EXPECT_STR(g->format, "proc-nvidia");
	GI_EXPECT_STR(g->name, "NVIDIA GeForce RTX 4090");
	GI_EXPECT_STR(g->address, "0000:01:00.0");
	GI_EXPECT_STR(g->uuid, "GPU-b9029ae5-75ac-6ded-3592-fc695a3f8c1a");
	GI_EXPECT_STR(g->bios_version, "95.02.18.80.87");
	GI_EXPECT(g->facts.have & GI_HAVE_BIOS_VERSION);
	GI_EXPECT_EQ(g->facts.device_id, 0x2684);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_ORIGINAL);
	g = &gpus[1];
	GI_EXPECT_STR(g->bios_version, "??.??.??.??.??");
	GI_EXPECT(!(g->facts.have & GI_HAVE_BIOS_VERSION));
	GI_EXPECT_EQ(g->facts.device_id, 0x2685);
	GI_EXPECT_EQ(verdict(g), GI_VERDICT_REGIONAL);
}

GI_TEST(capture_proc_in_a_log)
{
	GI_REQUIRE(parse("[2018-12-14 17:05:01] [worker 0] Model: \t\t GeForce GTX 1070\n"
			 "[2018-12-14 17:05:01] [worker 0] IRQ:   \t\t 139\n"
			 "[2018-12-14 17:05:01] [worker 0] GPU UUID: \t ...\n"
			 "[2018-12-14 17:05:01] [worker 0] Video BIOS: \t 86.04.26.00.80\n"
			 "[2018-12-14 17:05:01] [worker 0] Bus Type: \t PCIe\n"
			 "[2018-12-14 17:05:01] [worker 0] Bus Location: \t 0000:01:00.0\n"
			 "[2018-12-14 17:05:01] [worker 0] Blacklisted:\t No\n"
			 "[2018-12-14 17:05:01] [worker 0] Binary: \"\"\n"
			 "[2018-12-14 17:05:01] [worker 0] Model: \t\t GeForce GTX 1070\n"
			 "[2018-12-14 17:05:01] [worker 0] Video BIOS: \t 86.04.26.00.80\n"
			 "[2018-12-14 17:05:01] [worker 0] Bus Location: \t 0000:02:00.0\n") == 2);
	GI_EXPECT_STR(gpus[0].name, "GeForce GTX 1070");
	GI_EXPECT_STR(gpus[0].address, "0000:01:00.0");
	GI_EXPECT_STR(gpus[1].address, "0000:02:00.0");
	GI_EXPECT_EQ(gpus[0].facts.bios_version[0], 0x86);
}

GI_TEST(capture_proc_grep_form_and_loose_model_lines)
{
	GI_REQUIRE(parse("/proc/driver/nvidia/gpus/0000:01:00.0/information:Model: \t\t Tesla T4\n"
			 "/proc/driver/nvidia/gpus/0000:01:00.0/information:Bus Location: \t 0000:01:00.0\n"
			 "Model: Dell OptiPlex 7010\n"
			 "Serial: 1234\n") == 1);
	GI_EXPECT_STR(gpus[0].name, "Tesla T4");
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1eb8);
}

/* ---- modified cards (research/SKUS.md E3-E5) ---------------------------------- */

GI_TEST(capture_4090_with_48gb_is_transplant)
{
	struct smi s = rtx4090;

	s.fb = 49140;
	s.bar1 = 32768;
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_TRANSPLANT);
	GI_EXPECT(failed(GI_CHECK_VRAM_SIZE));
	GI_EXPECT(failed(GI_CHECK_BAR1_SIZE));
}

GI_TEST(capture_2080ti_with_22gb_is_modified)
{
	struct smi s = rtx4090;

	s.name = "NVIDIA GeForce RTX 2080 Ti";
	s.dev = "0x1E0710DE";
	s.subsys = "0x12FA10DE";
	s.bios = "90.02.30.00.05";
	s.fb = 22528;
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_MODIFIED);
	GI_EXPECT(failed(GI_CHECK_VRAM_SIZE));
}

GI_TEST(capture_4090d_is_regional)
{
	struct smi s = rtx4090;

	s.name = "NVIDIA GeForce RTX 4090 D";
	s.dev = "0x268510DE";
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_REGIONAL);
	GI_EXPECT(rep.base_sku && rep.base_sku->device_id == 0x2684);
}

GI_TEST(capture_h800_is_regional)
{
	struct smi s = rtx4090;

	s.name = "NVIDIA H800";
	s.dev = "0x232410DE";
	s.subsys = "0x17A610DE";
	s.bios = "96.00.51.00.0E";
	s.fb = 81559;
	s.bar1 = 131072;
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_REGIONAL);
	GI_EXPECT(!any_failed());
}

GI_TEST(capture_l20_with_ecc_is_regional_not_convicted)
{
	struct smi s = rtx4090;

	s.name = "NVIDIA L20";
	s.dev = "0x26BA10DE";
	s.subsys = "0x187310DE";
	s.bios = "95.02.6E.00.05";
	s.fb = 46068;
	s.bar1 = 65536;
	s.ecc = "Enabled";
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT(gpus[0].facts.ecc_enabled);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_REGIONAL);
	GI_EXPECT(!any_failed());
}

GI_TEST(capture_a100_mig_small_fb_not_convicted)
{
	struct smi s = rtx4090;

	s.name = "NVIDIA A100-SXM4-80GB";
	s.dev = "0x20B210DE";
	s.subsys = "0x147F10DE";
	s.bios = "92.00.36.00.02";
	s.fb = 9728;
	s.bar1 = 131072;
	s.ecc = "Enabled";
	s.mig = "Enabled";
	GI_REQUIRE(smi_one(&s));
	GI_EXPECT(gpus[0].facts.partitioned);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_EXPECT(!any_failed());
}

/* ---- hostile input ------------------------------------------------------------ */

GI_TEST(capture_empty_and_bad_arguments)
{
	GI_EXPECT_EQ(gi_capture_parse("", 0, gpus, 4, err, sizeof(err)), 0);
	GI_EXPECT_EQ(gi_capture_parse(NULL, 0, gpus, 4, err, sizeof(err)), 0);
	GI_EXPECT_EQ(gi_capture_parse("x", 1, NULL, 4, err, sizeof(err)), -1);
	GI_EXPECT(err[0]);
	GI_EXPECT_EQ(gi_capture_parse("x", 1, gpus, 0, err, sizeof(err)), -1);
	GI_EXPECT_EQ(gi_capture_parse(NULL, 5, gpus, 4, NULL, 0), -1);
	GI_EXPECT_EQ(parse("\n\n\r\n   \t\n"), 0);
	GI_EXPECT_EQ(parse("hello world\nModel: Dell\nGPU 0\nDevice 0: none\n"), 0);
}

GI_TEST(capture_garbage_and_binary)
{
	static char buf[1 << 16];
	u32 x = 12345;
	size_t i;
	int round;

	for (round = 0; round < 8; round++) {
		for (i = 0; i < sizeof(buf); i++) {
			x = x * 1103515245 + 12345;
			/* later rounds: mostly the characters the readers look for */
			buf[i] = round < 4 ? (char)(x >> 16) :
				 "0123456789abcdef:.| <>/\n\r\t\"GPUx[]-()"[(x >> 16) % 37];
		}
		GI_EXPECT(gi_capture_parse(buf, sizeof(buf), gpus, GI_CAPTURE_MAX_GPUS,
					   err, sizeof(err)) >= 0);
	}
	/* NULs inside a real capture: the lines around them still count */
	{
		char *text = smi_log(&rtx4090, 1, "\n");
		size_t len = strlen(text);
		char *p = strstr(text, "Product Brand");

		GI_REQUIRE(p);
		p[0] = '\0';
		p[5] = '\0';
		GI_EXPECT_EQ(gi_capture_parse(text, len, gpus, GI_CAPTURE_MAX_GPUS,
					      err, sizeof(err)), 1);
		GI_EXPECT_EQ(gpus[0].facts.vram_mib, 24564);
		free(text);
	}
}

GI_TEST(capture_overlong_lines)
{
	size_t big = 4 << 20, used;
	char *text = malloc(big + 65536);
	char *smi = smi_log(&rtx4090, 1, "\n");
	clock_t t0 = clock();
	int n;

	GI_REQUIRE(text && smi);
	memset(text, 'A', big);
	memcpy(text, "GPU 00000000:01:00.0", 20);	/* a heading with a tail */
	text[big - 1] = '\n';
	used = big;
	used += (size_t)snprintf(text + used, 65536, "%s", smi);
	/* an overlong name, a long line of '|' and of '<' */
	memset(strstr(text + big, "NVIDIA GeForce RTX 4090"), 'N', 23);
	n = gi_capture_parse(text, used, gpus, GI_CAPTURE_MAX_GPUS, err, sizeof(err));
	GI_REQUIRE(n == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2684);
	memset(text, '|', big);
	memset(text + big / 2, '<', big / 2);
	GI_EXPECT_EQ(gi_capture_parse(text, big, gpus, GI_CAPTURE_MAX_GPUS, err,
				      sizeof(err)), 0);
	free(text);
	free(smi);
	/* linear: seconds would mean something quadratic crept in */
	GI_EXPECT((clock() - t0) / CLOCKS_PER_SEC < 20);
}

GI_TEST(capture_more_gpus_than_room)
{
	struct smi s[8];
	char addr[8][20];
	char *text;
	int i, n;

	for (i = 0; i < 8; i++) {
		s[i] = rtx4090;
		snprintf(addr[i], sizeof(addr[i]), "00000000:%02x:00.0", i + 1);
		s[i].addr = addr[i];
	}
	text = smi_log(s, 8, "\n");
	n = gi_capture_parse(text, strlen(text), gpus, 3, err, sizeof(err));
	free(text);
	GI_EXPECT_EQ(n, 3);
	GI_EXPECT(strstr(err, "left out") != NULL);
	GI_EXPECT_STR(gpus[2].address, "0000:03:00.0");
}

GI_TEST(capture_many_lines_stay_linear)
{
	size_t size = 2 << 20, used = 0;
	char *text = malloc(size);
	clock_t t0 = clock();
	unsigned int i = 0;
	int n;

	GI_REQUIRE(text);
	/* 30000 GPU lines of lspci: more than the room, every one a lookup */
	while (used + 200 < size) {
		used += (size_t)snprintf(text + used, size - used,
			"%02x:%02x.%u VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)\n",
			(i >> 8) & 0xff, (i >> 3) & 0x1f, i & 7);
		i++;
	}
	n = gi_capture_parse(text, used, gpus, GI_CAPTURE_MAX_GPUS, err, sizeof(err));
	free(text);
	GI_EXPECT_EQ(n, GI_CAPTURE_MAX_GPUS);
	GI_EXPECT((clock() - t0) / CLOCKS_PER_SEC < 20);
}

/* ---- names as the tools print them, and namesakes ---------------------- */

GI_TEST(capture_names_as_tools_print_them)
{
	u16 v = 0, d = 0;

	/* nvidia-smi's own names: hyphens, "NVIDIA ", case */
	GI_EXPECT(gi_capture_name_to_id("NVIDIA A800-SXM4-80GB", 0x10de, &v, &d));
	GI_EXPECT_EQ(d, 0x20F3);
	GI_EXPECT(gi_capture_name_to_id("NVIDIA H800", 0x10de, &v, &d));
	GI_EXPECT_EQ(d, 0x2324);
	GI_EXPECT(gi_capture_name_to_id("NVIDIA H100 80GB HBM3", 0x10de, &v, &d));
	GI_EXPECT_EQ(d, 0x2330);
	GI_EXPECT(gi_capture_name_to_id("nvidia a100 sxm4 80gb", 0, &v, &d));
	GI_EXPECT_EQ(d, 0x20B2);
	/* the older label and pci.ids' name still name the SKU */
	GI_EXPECT(gi_capture_name_to_id("H800 SXM5", 0x10de, &v, &d));
	GI_EXPECT_EQ(d, 0x2324);
	/* a truncated name fits several SKUs: no identity without facts */
	GI_EXPECT(!gi_capture_name_to_id("NVIDIA GeForce RTX 5090 ...", 0x10de, &v, &d));
	GI_EXPECT(gi_kb_name_matches("NVIDIA GeForce RTX 5090 ...",
				     "NVIDIA GeForce RTX 5090 D"));
	GI_EXPECT(gi_kb_name_matches("NVIDIA GeForce RTX 5090 \xe2\x80\xa6",
				     "NVIDIA GeForce RTX 5090"));
	GI_EXPECT(!gi_kb_name_matches("NVIDIA GeForce RTX 509",
				      "NVIDIA GeForce RTX 5090"));
	GI_EXPECT(!gi_kb_name_matches("NVIDIA ...", "NVIDIA GeForce RTX 5090"));
	GI_EXPECT(!gi_kb_name_matches("", "NVIDIA GeForce RTX 5090"));
}

/*
 * nvidia-smi tables of A800 and H800 nodes, with the names, memory and
 * power limits of public reports: dexmal/dexbotic#41 (A800-SXM4-80GB,
 * driver 535), vllm-project/vllm#41519 (A800 80GB PCIe, 550) and
 * NVIDIA/DCGM#183 (H800, 535); the last row is the A800 name as the
 * narrower table of driver 525 truncates it.
 */
GI_TEST(capture_smi_table_a800_h800_are_regional)
{
	static const char t[] =
		"+---------------------------------------------------------------------------------------+\n"
		"| NVIDIA-SMI 535.86.10              Driver Version: 535.86.10    CUDA Version: 12.2     |\n"
		"|-----------------------------------------+----------------------+----------------------+\n"
		"| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |\n"
		"| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |\n"
		"|                                         |                      |               MIG M. |\n"
		"|=========================================+======================+======================|\n"
		"|   0  NVIDIA A800-SXM4-80GB          On  | 00000000:27:00.0 Off |                    0 |\n"
		"| N/A   49C    P0             125W / 400W |  34447MiB / 81920MiB |     72%      Default |\n"
		"|                                         |                      |             Disabled |\n"
		"+-----------------------------------------+----------------------+----------------------+\n"
		"|   1  NVIDIA A800 80GB PCIe          On  | 00000000:4F:00.0 Off |                    0 |\n"
		"| N/A   25C    P0              62W / 300W |  77187MiB / 81920MiB |      0%      Default |\n"
		"|                                         |                      |             Disabled |\n"
		"+-----------------------------------------+----------------------+----------------------+\n"
		"|   2  NVIDIA H800                    Off | 00000000:16:00.0 Off |                    0 |\n"
		"| N/A   29C    P0              73W / 700W |      3MiB / 81559MiB |      0%      Default |\n"
		"|                                         |                      |             Disabled |\n"
		"+-----------------------------------------+----------------------+----------------------+\n"
		"|   3  NVIDIA A800-SXM...  On   | 00000000:0F:00.0 Off |                    0 |\n"
		"| N/A   31C    P0    60W / 400W |      0MiB / 81920MiB |      0%      Default |\n"
		"|                               |                      |             Disabled |\n"
		"+-------------------------------+----------------------+----------------------+\n";
	static const u16 want[] = { 0x20F3, 0x20F5, 0x2324, 0x20F3 };
	int i;

	GI_REQUIRE(parse(t) == 4);
	for (i = 0; i < 4; i++) {
		GI_EXPECT_EQ(gpus[i].facts.device_id, want[i]);
		GI_EXPECT(gpus[i].facts.ids_from_name);
		GI_EXPECT_EQ(verdict(&gpus[i]), GI_VERDICT_REGIONAL);
	}
}

static const char *cuda_device_query_bus(const char *name, unsigned int sms,
				    unsigned int mib, unsigned int bus)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf),
		 "./deviceQuery Starting...\n\n"
		 " CUDA Device Query (Runtime API) version (CUDART static linking)\n\n"
		 "Detected 1 CUDA Capable device(s)\n\n"
		 "Device 0: \"%s\"\n"
		 "  CUDA Driver Version / Runtime Version          12.2 / 12.2\n"
		 "  CUDA Capability Major/Minor version number:    6.1\n"
		 "  Total amount of global memory:                 %u MBytes (%llu bytes)\n"
		 "  (%03u) Multiprocessors, (128) CUDA Cores/MP:    %u CUDA Cores\n"
		 "  Memory Bus Width:                              %u-bit\n"
		 "  Device PCI Domain ID / Bus ID / location ID:   0 / 1 / 0\n",
		 name, mib, (unsigned long long)mib << 20, sms, sms * 128, bus);
	return buf;
}

static const char *cuda_device_query(const char *name, unsigned int sms,
				     unsigned int mib)
{
	/* a width no SKU has: never decides */
	return cuda_device_query_bus(name, sms, mib, 0);
}

/*
 * One name, several SKUs: the facts choose. CUDA calls the mobile Quadro
 * P2000 (1CBA: 6 SMs, 4 GB) by the desktop card's name (1C30: 8 SMs,
 * 5 GB); the mobile chip is no relabelled desktop card.
 */
GI_TEST(capture_namesake_quadro_p2000_mobile)
{
	GI_REQUIRE(parse(cuda_device_query("Quadro P2000", 6, 4040)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1CBA);
	GI_EXPECT(gpus[0].facts.ids_from_name);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_REQUIRE(parse(cuda_device_query("Quadro P2000", 8, 5050)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1C30);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	/* deviceQuery's bus width: 128 bits is the mobile chip's */
	GI_REQUIRE(parse(cuda_device_query_bus("Quadro P2000", 6, 4040, 128)) == 1);
	GI_EXPECT_EQ(gpus[0].bus_bits, 128);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1CBA);
	GI_REQUIRE(parse(cuda_device_query_bus("Quadro P2000", 8, 5050, 160)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x1C30);
	/* facts that fit neither: no identity is guessed, nothing accused */
	GI_REQUIRE(parse(cuda_device_query("Quadro P2000", 7, 6000)) == 1);
	GI_EXPECT(verdict(&gpus[0]) != GI_VERDICT_RELABELLED);
}

/*
 * The driver calls three devices "NVIDIA GeForce RTX 4060 Ti": 16 GB is
 * 2805; 8 GB with 34 SMs fits both the AD106 (2803) and the AD104 (2788)
 * card, so no identity is guessed.
 */
GI_TEST(capture_namesake_rtx_4060_ti_8_and_16_gb)
{
	GI_REQUIRE(parse(cuda_device_query("NVIDIA GeForce RTX 4060 Ti", 34, 15950)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2805);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_REQUIRE(parse(cuda_device_query("NVIDIA GeForce RTX 4060 Ti", 34, 7940)) == 1);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_IDS));
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_UNKNOWN);
}

/*
 * nvidia-smi's table cut a 22 GB card's name to "NVIDIA GeForce ...":
 * hundreds of SKUs carry that prefix, so no identity is taken from it,
 * however few of them the memory size happens to leave (a real paste,
 * tests/wild/smi-table/geforce-truncated-22g-525-fs5313015324.txt).
 */
GI_TEST(capture_name_shared_by_too_many_skus_names_none)
{
	static const char t[] =
		"| NVIDIA-SMI 525.147.05   Driver Version: 525.147.05   CUDA Version: 12.0     |\n"
		"|-------------------------------+----------------------+----------------------+\n"
		"| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |\n"
		"| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |\n"
		"|                               |                      |               MIG M. |\n"
		"|===============================+======================+======================|\n"
		"|   0  NVIDIA GeForce ...  Off  | 00000000:03:00.0  On |                  N/A |\n"
		"| 31%   29C    P8    19W / 250W |   5427MiB / 22528MiB |     11%      Default |\n"
		"|                               |                      |                  N/A |\n"
		"+-------------------------------+----------------------+----------------------+\n";

	GI_REQUIRE(parse(t) == 1);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_IDS));
	GI_EXPECT(verdict(&gpus[0]) != GI_VERDICT_ORIGINAL);
}

/*
 * The driver calls two devices "NVIDIA GeForce RTX 2080 Ti" (1E04, 1E07),
 * both 11 GB. A 22 GB card by that name is more than either ever shipped
 * with, so it is modified whichever of them it is; an 11 GB one fits both
 * and is not accused.
 */
static const char *smi_table_row(const char *name, unsigned int mib)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf),
		 "| NVIDIA-SMI 550.54.14              Driver Version: 550.54.14      CUDA Version: 12.4     |\n"
		 "|-----------------------------------------+------------------------+----------------------+\n"
		 "| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |\n"
		 "| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |\n"
		 "|=========================================+========================+======================|\n"
		 "|   0  %-26s     Off |   00000000:01:00.0 Off |                  N/A |\n"
		 "| 22%%   35C    P8             21W /  250W |       1MiB / %5uMiB |      0%%      Default |\n"
		 "+-----------------------------------------+------------------------+----------------------+\n",
		 name, mib);
	return buf;
}

GI_TEST(capture_namesake_2080_ti_22gb_is_modified_either_way)
{
	GI_REQUIRE(parse(smi_table_row("NVIDIA GeForce RTX 2080 Ti", 22528)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.vram_mib, 22528);
	GI_EXPECT(gpus[0].facts.ids_from_name);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_MODIFIED);
	/* 1E04 and 1E07 are twins: 11 GB fits both, and either stands */
	GI_REQUIRE(parse(smi_table_row("NVIDIA GeForce RTX 2080 Ti", 11264)) == 1);
	GI_EXPECT(gpus[0].facts.device_id == 0x1E04 || gpus[0].facts.device_id == 0x1E07);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	/* less memory than both: no candidate stands for the others */
	GI_REQUIRE(parse(smi_table_row("NVIDIA GeForce RTX 2080 Ti", 4096)) == 1);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_IDS));
}

/*
 * A second device ID with no specs ("GeForce RTX 4080 SUPER (2nd ID)",
 * "L20 (2nd ID)") stands for its specified namesake: it neither lets a
 * 32 GB "RTX 4080 ..." pass (tests/wild/smi-table/rtx4080-trunc-32g-580-
 * autodl-fs52807131493.txt, once called original as 2703) nor makes a
 * name without facts ambiguous (tests/wild/smi-L/l20-x4-fs15750230688.txt).
 */
GI_TEST(capture_namesake_second_id_without_specs)
{
	static const char l20[] =
		"GPU 0: NVIDIA L20 (UUID: GPU-0b7f8c1e-7f6a-2c7d-9d0b-1f2e3d4c5b6a)\n";

	GI_REQUIRE(parse(smi_table_row("NVIDIA GeForce RTX 4080 ...", 32760)) == 1);
	GI_EXPECT(gpus[0].facts.ids_from_name);
	GI_EXPECT(verdict(&gpus[0]) == GI_VERDICT_TRANSPLANT ||
		  verdict(&gpus[0]) == GI_VERDICT_MODIFIED);
	GI_REQUIRE(parse(smi_table_row("NVIDIA GeForce RTX 4080 SUPER", 16376)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2702);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	GI_REQUIRE(parse(l20) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x26BA);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_REGIONAL);
}

/* "NVIDIA GeForce RTX 3050": 8 GB with 20 SMs, or the 6 GB card's 18. */
GI_TEST(capture_namesake_rtx_3050_6gb)
{
	GI_REQUIRE(parse(cuda_device_query("NVIDIA GeForce RTX 3050", 18, 5930)) == 1);
	GI_EXPECT_EQ(gpus[0].facts.device_id, 0x2584);
	GI_EXPECT_EQ(verdict(&gpus[0]), GI_VERDICT_ORIGINAL);
	/* 20 SMs and 8 GB fit two device IDs (GA106 2507, GA107 2582) */
	GI_REQUIRE(parse(cuda_device_query("NVIDIA GeForce RTX 3050", 20, 7950)) == 1);
	GI_EXPECT(!(gpus[0].facts.have & GI_HAVE_IDS));
}

/*
 * An ordinary workstation's lspci -nn: the Intel and AMD integrated GPUs
 * and the cards the knowledge base once lacked are known, never unknown.
 */
GI_TEST(capture_lspci_workstation_all_known)
{
	static const char t[] =
		"00:02.0 VGA compatible controller [0300]: Intel Corporation Raptor Lake-S GT1 [UHD Graphics 770] [8086:a780] (rev 04)\n"
		"0e:00.0 VGA compatible controller [0300]: Advanced Micro Devices, Inc. [AMD/ATI] Raphael [1002:164e] (rev c1)\n"
		"01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GA104 [GeForce RTX 3060 Ti] [10de:2489] (rev a1)\n"
		"02:00.0 VGA compatible controller [0300]: NVIDIA Corporation GA102 [GeForce RTX 3070 Ti] [10de:2207] (rev a1)\n"
		"03:00.0 3D controller [0302]: NVIDIA Corporation GA102 [CMP 90HX] [10de:220d] (rev a1)\n"
		"04:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] [10de:1b06] (rev a1)\n";
	struct gi_report r;
	int i;

	GI_REQUIRE(parse(t) == 6);
	for (i = 0; i < 6; i++) {
		gi_classify(&gpus[i].facts, &r);
		GI_EXPECT(r.sku != NULL);
		GI_EXPECT_EQ(r.verdict, GI_VERDICT_ORIGINAL);
	}
	gi_classify(&gpus[0].facts, &r);
	GI_REQUIRE(r.sku);
	GI_EXPECT(r.sku->flags & GI_SKU_INTEGRATED);
	GI_EXPECT_EQ(r.sku->mem_type, GI_MEM_SHARED);
	gi_classify(&gpus[1].facts, &r);
	GI_REQUIRE(r.sku);
	GI_EXPECT(r.sku->flags & GI_SKU_INTEGRATED);
	gi_classify(&gpus[2].facts, &r);
	GI_REQUIRE(r.sku);
	GI_EXPECT_STR(r.sku->product, "NVIDIA GeForce RTX 3060 Ti");
}
