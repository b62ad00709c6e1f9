// SPDX-License-Identifier: GPL-2.0
/*
 * PCI expansion ROM walker.
 *
 * Layout facts (PCI Firmware 3.0, NVIDIA's NPDE/IFR extensions) and their
 * sources are collected in Documentation/gpuident/vbios.rst. Every offset
 * read from the input is bounds-checked: the input is whatever a possibly
 * counterfeit board put in its flash.
 */
#include "gpuident/rom.h"

#define SIG_AA55		0xaa55
#define SIG_NV_BB77		0xbb77	/* NVIDIA alternative image signature */
#define SIG_NV_VN		0x4e56	/* "VN", likewise */
#define SIG_NVGI		0x4947564e
#define SIG_AMD_FLASH		0x55aa55aa	/* bytes AA 55 AA 55 */
#define SIG_RFRD		0x44524652
#define SIG_NPDE		0x4544504e

#define ROM_PCIR_PTR		0x18
#define PCIR_VENDOR		0x04
#define PCIR_DEVICE		0x06
#define PCIR_DEVLIST		0x08
#define PCIR_LEN		0x0a
#define PCIR_REV		0x0c
#define PCIR_CLASS		0x0d
#define PCIR_IMAGE_LEN		0x10
#define PCIR_ROM_REV		0x12
#define PCIR_CODE_TYPE		0x14
#define PCIR_INDICATOR		0x15
#define PCIR_LAST_IMAGE		0x80

#define NPDE_REV		0x04
#define NPDE_LEN		0x06
#define NPDE_SUBIMAGE_LEN	0x08
#define NPDE_LAST		0x0a
#define NPDE_FLAGS		0x0b
#define NPDE_FLAG_NO_CHECKSUM	0x04

#define IFR_FIXED1		0x04
#define IFR_FIXED2		0x08
#define IFR_SSVID		0x0c
#define IFR_SSID		0x0e
#define IFR_MAX_ROM_OFFSET	(1u << 20)
#define IFR_DIR_FROM_STATUS	4096

#define MAX_IMAGE_SETS		4

const char *gi_strerror(enum gi_status st)
{
	switch (st) {
	case GI_OK:
		return "success";
	case GI_E_NOROM:
		return "no PCI expansion ROM image found (no 0x55AA signature with a PCI data structure)";
	case GI_E_TOOBIG:
		return "larger than any VBIOS (limit 16 MiB)";
	case GI_E_EMPTY:
		return "empty";
	case GI_E_NOTFOUND:
		return "not found";
	case GI_E_CORRUPT:
		return "corrupt";
	}
	return "unknown error";
}

const char *gi_rom_code_name(u8 code_type)
{
	switch (code_type) {
	case GI_CODE_X86:
		return "x86";
	case GI_CODE_OPENFW:
		return "openfirmware";
	case GI_CODE_HPPA:
		return "hppa";
	case GI_CODE_EFI:
		return "efi";
	case GI_CODE_NV_NBSI:
		return "nvidia-nbsi";
	case GI_CODE_NV_FWSEC:
		return "nvidia-fwsec";
	}
	return "other";
}

const char *gi_rom_layout_name(enum gi_rom_layout layout)
{
	switch (layout) {
	case GI_LAYOUT_PLAIN:
		return "plain";
	case GI_LAYOUT_NV_IFR:
		return "nvidia-ifr";
	case GI_LAYOUT_AMD_FLASH:
		return "amd-flash";
	case GI_LAYOUT_SCANNED:
		return "scanned";
	}
	return "unknown";
}

const char *gi_rom_warning_name(u32 bit)
{
	switch (bit) {
	case GI_ROM_W_TRUNCATED:
		return "image runs past the end of the data";
	case GI_ROM_W_NO_LAST:
		return "image chain ends without a last-image flag";
	case GI_ROM_W_TOO_MANY:
		return "more images than gpuident records";
	case GI_ROM_W_IFR_BAD:
		return "IFR header points to no ROM image; images found by scanning";
	case GI_ROM_W_UNKNOWN_HDR:
		return "unrecognised header before the first image";
	case GI_ROM_W_PCIR_UNALIGNED:
		return "PCI data structure not dword aligned";
	case GI_ROM_W_BAD_CHECKSUM:
		return "x86 image checksum does not add up";
	case GI_ROM_W_ZERO_LENGTH:
		return "image declares zero length";
	case GI_ROM_W_TRAILING:
		return "data after the last image (a whole flash chip dumped?)";
	case GI_ROM_W_BAD_PCIR:
		return "0x55AA signature without a valid PCI data structure";
	}
	return NULL;
}

size_t gi_fw_string(char *dst, size_t dstlen, const u8 *buf, size_t len,
		    size_t off, size_t maxlen)
{
	size_t n = 0;

	if (!dstlen)
		return 0;
	/* Sign-on and build strings end in CR/LF: stop there too. */
	while (n + 1 < dstlen && n < maxlen && off < len && buf[off] &&
	       buf[off] != '\r' && buf[off] != '\n') {
		u8 c = buf[off++];

		dst[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	while (n && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
	return n;
}

static bool is_image_sig(u16 sig)
{
	return sig == SIG_AA55 || sig == SIG_NV_BB77 || sig == SIG_NV_VN;
}

static bool is_pcir_sig(const u8 *p)
{
	return !memcmp(p, "PCIR", 4) || !memcmp(p, "NPDS", 4) ||
	       !memcmp(p, "RGIS", 4);
}

/* Absolute offset of the PCIR of an image at @off, or 0 if there is none. */
static u32 pcir_at(const u8 *buf, size_t len, u32 off)
{
	u16 sig, ptr;

	if (!gi_rd16(buf, len, off, &sig) || !is_image_sig(sig))
		return 0;
	if (!gi_rd16(buf, len, off + ROM_PCIR_PTR, &ptr) || ptr < 0x1a)
		return 0;
	if (!gi_in_bounds(len, (size_t)off + ptr, 0x18))
		return 0;
	if (!is_pcir_sig(buf + off + ptr))
		return 0;
	return off + ptr;
}

/* First offset >= @from, on a 512-byte boundary, that starts an image. */
static bool scan_image(const u8 *buf, size_t len, u32 from, u32 *found)
{
	u32 off = (from + GI_ROM_IMAGE_ALIGN - 1) & ~(GI_ROM_IMAGE_ALIGN - 1);

	for (; (size_t)off + 0x1a <= len; off += GI_ROM_IMAGE_ALIGN) {
		if (pcir_at(buf, len, off)) {
			*found = off;
			return true;
		}
	}
	return false;
}

/*
 * Where the IFR ("NVGI") header says the PCI ROM starts, following RM,
 * nouveau and nova-core: VERSIONSW 1/2 keep the offset after the fixed
 * data, VERSIONSW 3 in the ROM directory ("RFRD") 4 KiB past the
 * flash-status word.
 */
static bool ifr_rom_offset(struct gi_rom *rom, const u8 *buf, size_t len,
			   u32 *rom_off)
{
	u32 fixed1, fixed2, off, fs, dir, sig;
	u16 ssvid, ssid;

	if (!gi_rd32(buf, len, IFR_FIXED1, &fixed1) ||
	    !gi_rd32(buf, len, IFR_FIXED2, &fixed2))
		return false;
	rom->ifr.present = true;
	rom->ifr.version = (fixed1 >> 8) & 0xff;
	if (gi_rd16(buf, len, IFR_SSVID, &ssvid) &&
	    gi_rd16(buf, len, IFR_SSID, &ssid)) {
		rom->ifr.ssvid = ssvid;
		rom->ifr.ssid = ssid;
	}

	switch (rom->ifr.version) {
	case 1:
	case 2:
		if (!gi_rd32(buf, len, ((fixed1 >> 16) & 0x7fff) + 4, &off))
			return false;
		break;
	case 3:
		if (!gi_rd32(buf, len, fixed2 & 0xfffff, &fs))
			return false;
		if (fs > len)
			return false;
		dir = fs + IFR_DIR_FROM_STATUS;
		if (!gi_rd32(buf, len, dir, &sig) || sig != SIG_RFRD)
			return false;
		if (!gi_rd32(buf, len, dir + 8, &off))
			return false;
		break;
	default:
		return false;
	}
	if ((off & 3) || off >= IFR_MAX_ROM_OFFSET || !pcir_at(buf, len, off))
		return false;
	*rom_off = off;
	return true;
}

static u8 x86_checksum(const u8 *buf, size_t len, u32 off, u32 n,
		       enum gi_checksum *res)
{
	u8 sum = 0;
	u32 i;

	if (!gi_in_bounds(len, off, n)) {
		*res = GI_CSUM_TRUNCATED;
		return 0;
	}
	for (i = 0; i < n; i++)
		sum += buf[off + i];
	*res = sum ? GI_CSUM_BAD : GI_CSUM_OK;
	return sum;
}

/* Read the PCI 3.0 device list, a 0-terminated array of u16 device IDs. */
static void read_devlist(struct gi_rom_image *img, const u8 *buf, size_t len,
			 u32 pcir)
{
	u16 ptr, id;
	u32 p;

	if (img->pcir_rev < 3 || !gi_rd16(buf, len, pcir + PCIR_DEVLIST, &ptr) ||
	    !ptr)
		return;
	p = pcir + ptr;
	while (img->n_devlist < GI_ROM_MAX_DEVLIST &&
	       gi_rd16(buf, len, p, &id) && id) {
		img->devlist[img->n_devlist++] = id;
		p += 2;
	}
}

/* NVIDIA's PCI Data Extension refines the image length and last flag. */
static void read_npde(struct gi_rom_image *img, const u8 *buf, size_t len,
		      u32 pcir, u16 pcir_len, u32 pcir_image_len)
{
	u32 npde = (pcir + pcir_len + 0x0f) & ~0x0fu;
	u32 sig;
	u16 rev, nlen, sub;
	u8 v;

	if (!gi_rd32(buf, len, npde, &sig) || sig != SIG_NPDE)
		return;
	if (!gi_rd16(buf, len, npde + NPDE_REV, &rev) ||
	    !gi_rd16(buf, len, npde + NPDE_LEN, &nlen))
		return;
	img->has_npde = true;
	img->npde_rev = rev;
	if (rev != 0x100 && rev != 0x101)
		return;
	if (!gi_rd16(buf, len, npde + NPDE_SUBIMAGE_LEN, &sub))
		return;
	img->length = (u32)sub * GI_ROM_IMAGE_ALIGN;
	if (nlen > NPDE_LAST && gi_rd8(buf, len, npde + NPDE_LAST, &v))
		img->last = v & PCIR_LAST_IMAGE;
	else if (img->length < pcir_image_len)
		img->last = false;
	if (nlen > NPDE_FLAGS && gi_rd8(buf, len, npde + NPDE_FLAGS, &v))
		img->npde_flags = v;
}

/* Describe the image at @off. Returns false if there is none. */
static bool read_image(struct gi_rom *rom, struct gi_rom_image *img,
		       const u8 *buf, size_t len, u32 off)
{
	u32 pcir = pcir_at(buf, len, off);
	u16 pcir_len;
	u8 init_blocks;

	if (!pcir)
		return false;
	memset(img, 0, sizeof(*img));
	img->offset = off;
	img->pcir_offset = pcir;
	memcpy(img->pcir_sig, buf + pcir, 4);
	img->pcir_sig[4] = '\0';
	if (pcir & 3)
		rom->warnings |= GI_ROM_W_PCIR_UNALIGNED;

	/* pcir_at() checked that 0x18 bytes of PCIR lie in bounds. */
	img->vendor_id = gi_le16(buf + pcir + PCIR_VENDOR);
	img->device_id = gi_le16(buf + pcir + PCIR_DEVICE);
	pcir_len = gi_le16(buf + pcir + PCIR_LEN);
	img->pcir_rev = buf[pcir + PCIR_REV];
	img->class_code = buf[pcir + PCIR_CLASS] |
			  (buf[pcir + PCIR_CLASS + 1] << 8) |
			  (buf[pcir + PCIR_CLASS + 2] << 16);
	img->length = (u32)gi_le16(buf + pcir + PCIR_IMAGE_LEN) *
		      GI_ROM_IMAGE_ALIGN;
	img->vendor_rom_rev = gi_le16(buf + pcir + PCIR_ROM_REV);
	img->code_type = buf[pcir + PCIR_CODE_TYPE];
	img->last = buf[pcir + PCIR_INDICATOR] & PCIR_LAST_IMAGE;
	read_devlist(img, buf, len, pcir);
	read_npde(img, buf, len, pcir, pcir_len, img->length);
	/* nouveau treats NBSI as always last */
	if (img->code_type == GI_CODE_NV_NBSI)
		img->last = true;

	img->checksum = GI_CSUM_NONE;
	if (img->code_type == GI_CODE_X86) {
		if (img->npde_flags & NPDE_FLAG_NO_CHECKSUM) {
			img->checksum = GI_CSUM_DISABLED;
		} else if (gi_rd8(buf, len, off + 2, &init_blocks) &&
			   init_blocks) {
			x86_checksum(buf, len, off,
				     (u32)init_blocks * GI_ROM_IMAGE_ALIGN,
				     &img->checksum);
			if (img->checksum == GI_CSUM_BAD)
				rom->warnings |= GI_ROM_W_BAD_CHECKSUM;
		}
	}
	return true;
}

/* Walk one chain of images from @off. Returns the offset past its end. */
static u32 walk_chain(struct gi_rom *rom, const u8 *buf, size_t len, u32 off,
		      u8 set)
{
	struct gi_rom_image img;
	u32 end = off;

	while (read_image(rom, &img, buf, len, off)) {
		img.set = set;
		if (rom->n_images >= GI_ROM_MAX_IMAGES) {
			rom->warnings |= GI_ROM_W_TOO_MANY;
			break;
		}
		rom->images[rom->n_images++] = img;
		if (!img.length) {
			rom->warnings |= GI_ROM_W_ZERO_LENGTH;
			end = off + GI_ROM_IMAGE_ALIGN;
			break;
		}
		if ((size_t)off + img.length > len) {
			rom->warnings |= GI_ROM_W_TRUNCATED;
			end = len;
			break;
		}
		off += img.length;
		end = off;
		if (img.last)
			return end;
		if (off >= len)
			break;
	}
	/* Only a chain that broke off (or was cut short) gets here. */
	if (!rom->n_images || !rom->images[rom->n_images - 1].last)
		rom->warnings |= GI_ROM_W_NO_LAST;
	return end;
}

static bool all_bytes(const u8 *buf, size_t from, size_t to, u8 v)
{
	for (; from < to; from++)
		if (buf[from] != v)
			return false;
	return true;
}

enum gi_status gi_rom_parse(struct gi_rom *rom, const u8 *buf, size_t len)
{
	u32 start = 0, end, next;
	u16 sig16 = 0;

	memset(rom, 0, sizeof(*rom));
	rom->size = len;
	if (!len)
		return GI_E_EMPTY;
	if (len > GI_ROM_MAX_SIZE)
		return GI_E_TOOBIG;

	gi_rd32(buf, len, 0, &rom->header_sig);
	gi_rd16(buf, len, 0, &sig16);

	if (pcir_at(buf, len, 0)) {
		rom->layout = GI_LAYOUT_PLAIN;
	} else if (rom->header_sig == SIG_NVGI) {
		rom->layout = GI_LAYOUT_NV_IFR;
		if (!ifr_rom_offset(rom, buf, len, &start)) {
			rom->warnings |= GI_ROM_W_IFR_BAD;
			if (!scan_image(buf, len, 0, &start))
				return GI_E_NOROM;
		}
	} else {
		if (rom->header_sig == SIG_AMD_FLASH) {
			rom->layout = GI_LAYOUT_AMD_FLASH;
		} else {
			rom->layout = GI_LAYOUT_SCANNED;
			rom->warnings |= GI_ROM_W_UNKNOWN_HDR;
			if (is_image_sig(sig16))
				rom->warnings |= GI_ROM_W_BAD_PCIR;
		}
		if (!scan_image(buf, len, 0, &start))
			return GI_E_NOROM;
	}

	rom->first_image = start;
	end = walk_chain(rom, buf, len, start, 0);
	rom->n_sets = 1;

	/*
	 * Full flash dumps hold further image sets (a backup copy, or on
	 * Blackwell several firmware blocks) after the first chain.
	 */
	while (rom->n_sets < MAX_IMAGE_SETS && end < len &&
	       rom->n_images < GI_ROM_MAX_IMAGES &&
	       scan_image(buf, len, end, &next)) {
		end = walk_chain(rom, buf, len, next, (u8)rom->n_sets);
		rom->n_sets++;
	}
	rom->end = end;
	/* Padding after a plain ROM is normal; anything else is worth a note. */
	if (rom->layout == GI_LAYOUT_PLAIN && end < len &&
	    !all_bytes(buf, end, len, 0xff) && !all_bytes(buf, end, len, 0x00))
		rom->warnings |= GI_ROM_W_TRAILING;
	return GI_OK;
}

const struct gi_rom_image *gi_rom_find(const struct gi_rom *rom, u8 code_type)
{
	unsigned int i;

	for (i = 0; i < rom->n_images; i++)
		if (rom->images[i].set == 0 &&
		    rom->images[i].code_type == code_type)
			return &rom->images[i];
	return NULL;
}

bool gi_rom_image_has_device(const struct gi_rom_image *img, u16 device_id)
{
	unsigned int i;

	if (img->device_id == device_id)
		return true;
	for (i = 0; i < img->n_devlist; i++)
		if (img->devlist[i] == device_id)
			return true;
	return false;
}
