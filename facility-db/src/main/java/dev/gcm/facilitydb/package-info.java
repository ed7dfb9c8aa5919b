/**
 * The pure core of GCM Planner: every IBM Z CPU definition and feature, and the model arithmetic of
 * QEMU's s390x CPU model code (resolution, expansion, model search, baseline, comparison), with an
 * order-independent n-way GCM on top.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.load();                       // or .forQemu(QemuVersion.parse("7.2"))
 * ModelResolver resolver = new ModelResolver(catalog);
 * CpuModel a = resolver.resolve(new CpuModelInfo("gen15a", Map.of("vx", false)));
 * CpuModel b = resolver.resolve(CpuModelInfo.named("z14"));
 * GcmResult gcm = Gcm.ofModels(catalog, List.of(a, b));
 * CpuModelInfo asQemu = Expansion.staticForm(catalog, gcm.model().orElseThrow()); // z14-base plus deltas
 * Comparison.Result r = Comparison.compare(catalog, a, b);  // incompatible, responsible: [..., "type"]
 *
 * CpuModelInfo fromLibvirt = ModelForms.read(domainXml).model();   // any form: -cpu, JSON, libvirt XML
 * MixedReleaseGcm.Result mixed = MixedReleaseGcm.compute(catalog, hostsWithReleases, Optional.empty(),
 *         new GcmOptions(false, true));                   // view of the oldest QEMU, deprecated features off
 * IbcCheck ibc = IbcCheck.of(guest.ibc(), hostRange, false); // RAISED: runs, with a notice
 * }</pre>
 *
 * <p>Packages: {@code catalog} (definitions, features, groups, the bundled resource), {@code model}
 * (feature sets, IBC, facility lists, CPU models), {@code qemu} (QEMU-exact semantics), {@code gcm}
 * (the n-way GCM, also over mixed QEMU releases), {@code release} (one QEMU release's view), {@code forms} (every
 * model form, read and written), {@code json} (CpuModelInfo wire format). Nothing here does I/O beyond reading the
 * catalog resource, and nothing depends on Vert.x or Hazelcast (the build enforces it).
 */
package dev.gcm.facilitydb;
