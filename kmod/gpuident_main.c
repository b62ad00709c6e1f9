// SPDX-License-Identifier: GPL-2.0
/*
 * gpuident: identify GPUs (original, regional variant, transplanted die,
 * modified, relabelled) from read-only facts, and publish the verdict with
 * its evidence in sysfs.
 *
 * Discovery follows drivers/pci/vgaarb.c: register a PCI bus notifier
 * first, then walk the devices already present, so that no hot-added GPU
 * is missed. Each display-class function gets a class device parented to
 * it (/sys/class/gpuident/<address>); gpuident never binds to a GPU.
 * Collection runs on an unbound workqueue, so several GPUs probe in
 * parallel and neither module load nor boot waits for a ROM read.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/wait.h>

#include "gpuident.h"
#include "gpuident_fmt.h"
#include "gpuident/abi.h"
#include "gpuident/rom.h"
#include "gpuident/version.h"

unsigned int gpuident_rom_max_size = 2 << 20;
module_param_named(rom_max_size, gpuident_rom_max_size, uint, 0444);
MODULE_PARM_DESC(rom_max_size, "Largest VBIOS read, in bytes (default 2 MiB, at most 16 MiB)");

bool gpuident_read_registers = true;
module_param_named(read_registers, gpuident_read_registers, bool, 0444);
MODULE_PARM_DESC(read_registers, "Read NVIDIA identification registers in BAR0 (default Y)");

bool gpuident_wake_suspended;
module_param_named(wake_suspended, gpuident_wake_suspended, bool, 0444);
MODULE_PARM_DESC(wake_suspended, "Resume a runtime-suspended GPU to probe it (default N)");

bool gpuident_read_rom = true;
module_param_named(read_rom, gpuident_read_rom, bool, 0444);
MODULE_PARM_DESC(read_rom, "Read the VBIOS (default Y)");

/* Off until a real GPU has shown the PROM fallback safe (collect_prom()). */
bool gpuident_read_prom;
module_param_named(read_prom, gpuident_read_prom, bool, 0444);
MODULE_PARM_DESC(read_prom, "Read an NVIDIA VBIOS through the BAR0 PROM window when the ROM BAR gives none (default N)");

static bool serial_probe;
module_param(serial_probe, bool, 0444);
MODULE_PARM_DESC(serial_probe, "Probe one GPU at a time instead of in parallel (default N; for measurements)");

/* Hot-added devices may not have their BARs assigned yet: retry a while. */
#define PROBE_RETRY_DELAY	msecs_to_jiffies(200)
#define PROBE_MAX_TRIES		10

static struct class *gpuident_class;

/*
 * Class devices still waiting for their release: a release may run after
 * device_unregister() returns (late references, DEBUG_KOBJECT_RELEASE),
 * and it is module code, so the module must not go before the last one.
 */
static atomic_t gpuident_unreleased = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(gpuident_release_wq);

static struct workqueue_struct *gpuident_wq;
static LIST_HEAD(gpuident_gpus);
static DEFINE_MUTEX(gpuident_gpus_lock);	/* guards gpuident_gpus */

/* The memory BARs and the ROM BAR: a hot-added device gets them late. */
static bool resources_assigned(struct pci_dev *pdev)
{
	int i;

	for (i = 0; i <= PCI_ROM_RESOURCE; i++) {
		struct resource *r = &pdev->resource[i];

		if ((r->flags & IORESOURCE_MEM) && pci_resource_len(pdev, i) &&
		    (r->flags & IORESOURCE_UNSET))
			return false;
	}
	return true;
}

bool gpuident_queue_probe(struct gpuident_gpu *gpu, unsigned long delay)
{
	bool queued = false;

	mutex_lock(&gpu->lock);
	if (!gpu->dying) {
		gpu->probes_requested++;
		gpu->probe_tries = 0;
		queued = true;
		mod_delayed_work(gpuident_wq, &gpu->probe_work, delay);
	}
	mutex_unlock(&gpu->lock);
	return queued;
}

/*
 * "ready" means: a result exists and the probe that produced it started
 * after the last request. A reprobe requested while a probe runs bumps
 * probes_requested past what that probe saw, so state stays "probing"
 * until the requeued run ends (Documentation/ABI: state).
 */
bool gpuident_ready(struct gpuident_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	return gpu->res && gpu->probes_done == gpu->probes_requested;
}

static void retry_later(struct gpuident_gpu *gpu)
{
	queue_delayed_work(gpuident_wq, &gpu->probe_work, PROBE_RETRY_DELAY);
}

static void gpuident_probe_work(struct work_struct *work)
{
	struct gpuident_gpu *gpu = container_of(to_delayed_work(work),
						struct gpuident_gpu, probe_work);
	struct gpuident_result *res, *old;
	unsigned long gen;
	bool last_try;
	u64 visible;
	int err;

	mutex_lock(&gpu->lock);
	gen = gpu->probes_requested;
	last_try = ++gpu->probe_tries >= PROBE_MAX_TRIES;
	mutex_unlock(&gpu->lock);

	if (!last_try && !resources_assigned(gpu->pdev)) {
		retry_later(gpu);
		return;
	}
	res = gpuident_collect(gpu->pdev, last_try);
	if (IS_ERR(res)) {		/* device lock busy: probe, reset */
		retry_later(gpu);
		return;
	}

	mutex_lock(&gpu->lock);
	old = gpu->res;
	if (res)
		gpu->res = res;
	else
		old = NULL;	/* out of memory: keep serving the old result */
	mutex_unlock(&gpu->lock);
	gpuident_result_free(old);

	/*
	 * Outside the lock: removing a file waits for its readers. Until
	 * the group is updated, files of the old mask may be open; each
	 * show() checks that its fact is known in the result it serves.
	 */
	visible = gpuident_visible_mask(gpu);
	if (visible != gpu->visible) {
		err = gpuident_refresh_attrs(gpu);
		if (err)
			dev_warn(&gpu->dev, "could not update attributes: %d\n", err);
		else
			gpu->visible = visible;
	}
	/* "ready" only once the attributes that hold the result exist */
	mutex_lock(&gpu->lock);
	gpu->probes_done = gen;
	mutex_unlock(&gpu->lock);
	if (res)
		dev_dbg(&gpu->dev, "%s (%u%%)\n",
			gi_verdict_name(res->report.verdict),
			res->report.confidence);
	kobject_uevent(&gpu->dev.kobj, KOBJ_CHANGE);
}

/*
 * The unload tail: gpuident_exit() waits for the last release, and the
 * module's memory goes only after free_module()'s synchronize_rcu(). The
 * decrement and wake-up run inside an RCU read-side section, so that grace
 * period cannot end before this function has left the section; what runs
 * after it is the epilogue of this function, no call and no data access.
 */
static void gpuident_release(struct device *dev)
{
	struct gpuident_gpu *gpu = to_gpuident_gpu(dev);

	gpuident_result_free(gpu->res);
	pci_dev_put(gpu->pdev);
	kfree(gpu);
	rcu_read_lock();
	if (atomic_dec_and_test(&gpuident_unreleased))
		wake_up(&gpuident_release_wq);
	rcu_read_unlock();
}

static struct gpuident_gpu *find_gpu(struct pci_dev *pdev)
{
	struct gpuident_gpu *gpu;

	list_for_each_entry(gpu, &gpuident_gpus, node)
		if (gpu->pdev == pdev)
			return gpu;
	return NULL;
}

static void gpuident_add(struct pci_dev *pdev, unsigned long delay)
{
	struct gpuident_gpu *gpu;
	int err;

	if (!gpuident_is_display_class(pdev->class))
		return;

	mutex_lock(&gpuident_gpus_lock);
	if (find_gpu(pdev))
		goto unlock;
	gpu = kzalloc(sizeof(*gpu), GFP_KERNEL);
	if (!gpu)
		goto unlock;
	gpu->pdev = pci_dev_get(pdev);
	mutex_init(&gpu->lock);
	INIT_DELAYED_WORK(&gpu->probe_work, gpuident_probe_work);

	atomic_inc(&gpuident_unreleased);	/* dropped by gpuident_release */
	device_initialize(&gpu->dev);
	gpu->dev.class = gpuident_class;
	gpu->dev.parent = &pdev->dev;
	gpu->dev.groups = gpuident_groups;
	gpu->dev.release = gpuident_release;
	err = dev_set_name(&gpu->dev, "%s", pci_name(pdev));
	if (!err)
		err = device_add(&gpu->dev);
	if (err) {
		pci_warn(pdev, "gpuident: cannot add class device: %d\n", err);
		put_device(&gpu->dev);
		goto unlock;
	}
	list_add_tail(&gpu->node, &gpuident_gpus);
	gpuident_queue_probe(gpu, delay);
unlock:
	mutex_unlock(&gpuident_gpus_lock);
}

/* Called with gpuident_gpus_lock held. */
static void gpuident_remove(struct gpuident_gpu *gpu)
{
	list_del(&gpu->node);
	mutex_lock(&gpu->lock);
	gpu->dying = true;		/* reprobe can no longer queue work */
	mutex_unlock(&gpu->lock);
	cancel_delayed_work_sync(&gpu->probe_work);
	device_unregister(&gpu->dev);	/* drains readers, then releases */
}

static int gpuident_pci_notify(struct notifier_block *nb, unsigned long action,
			       void *data)
{
	struct pci_dev *pdev = to_pci_dev(data);
	struct gpuident_gpu *gpu;

	switch (action) {
	case BUS_NOTIFY_ADD_DEVICE:
		/* BARs are assigned after this: give the core a moment. */
		gpuident_add(pdev, PROBE_RETRY_DELAY);
		break;
	case BUS_NOTIFY_BOUND_DRIVER:
		/*
		 * A driver may have switched memory decoding on, or woken
		 * the device: probe again once its probe has let go of the
		 * device lock (called with it held: queue, never wait).
		 */
		mutex_lock(&gpuident_gpus_lock);
		gpu = find_gpu(pdev);
		if (gpu)
			gpuident_queue_probe(gpu, PROBE_RETRY_DELAY);
		mutex_unlock(&gpuident_gpus_lock);
		break;
	case BUS_NOTIFY_DEL_DEVICE:
		mutex_lock(&gpuident_gpus_lock);
		gpu = find_gpu(pdev);
		if (gpu)
			gpuident_remove(gpu);
		mutex_unlock(&gpuident_gpus_lock);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block gpuident_pci_nb = {
	.notifier_call = gpuident_pci_notify,
};

static void gpuident_remove_all(void)
{
	struct gpuident_gpu *gpu, *tmp;

	mutex_lock(&gpuident_gpus_lock);
	list_for_each_entry_safe(gpu, tmp, &gpuident_gpus, node)
		gpuident_remove(gpu);
	mutex_unlock(&gpuident_gpus_lock);
}

static int __init gpuident_init(void)
{
	struct pci_dev *pdev = NULL;
	int err;

	gpuident_rom_max_size = clamp(gpuident_rom_max_size, 512u,
				      GI_ROM_MAX_SIZE);
	/* Freezable: no ROM copy while devices go to D3 for system sleep. */
	gpuident_wq = serial_probe ?
		alloc_ordered_workqueue("gpuident", WQ_FREEZABLE) :
		alloc_workqueue("gpuident", WQ_UNBOUND | WQ_FREEZABLE, 0);
	if (!gpuident_wq)
		return -ENOMEM;
	/*
	 * A class allocated by the core: its release is core code and frees
	 * core memory, however late it runs.
	 */
#ifdef GPUIDENT_CLASS_CREATE_NAME_ONLY	/* kmod/Kbuild tests the header */
	gpuident_class = class_create(GPUIDENT_CLASS);
#else
	gpuident_class = class_create(THIS_MODULE, GPUIDENT_CLASS);
#endif
	err = PTR_ERR_OR_ZERO(gpuident_class);
	if (err)
		goto err_wq;
	err = bus_register_notifier(&pci_bus_type, &gpuident_pci_nb);
	if (err)
		goto err_class;

	/*
	 * Under the rescan/remove lock, so that no device is half removed
	 * while we look: one whose BUS_NOTIFY_DEL_DEVICE already ran but
	 * which is still on the bus list would get an entry that outlives it.
	 * Order: rescan/remove lock, then gpuident_gpus_lock, as on removal.
	 */
	pci_lock_rescan_remove();
	while ((pdev = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, pdev)))
		gpuident_add(pdev, 0);
	pci_unlock_rescan_remove();
	pr_debug("gpuident %s: sysfs ABI %d.%d\n", GPUIDENT_VERSION,
		 GPUIDENT_ABI_MAJOR, GPUIDENT_ABI_MINOR);
	return 0;

err_class:
	class_destroy(gpuident_class);
err_wq:
	destroy_workqueue(gpuident_wq);
	return err;
}

static void __exit gpuident_exit(void)
{
	bus_unregister_notifier(&pci_bus_type, &gpuident_pci_nb);
	gpuident_remove_all();
	wait_event(gpuident_release_wq, !atomic_read(&gpuident_unreleased));
	class_destroy(gpuident_class);
	destroy_workqueue(gpuident_wq);
}

module_init(gpuident_init);
module_exit(gpuident_exit);

MODULE_DESCRIPTION("Identify GPUs and flag regional, transplanted, modified and relabelled cards");
MODULE_AUTHOR("The gpuident developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(GPUIDENT_VERSION);
