/**
 * What every module may use: the {@link java.time.Clock} bean, admin commands ({@link org.carrel.shared.AdminCommand},
 * {@link org.carrel.shared.CommandLine}) and the demo-data contract ({@link org.carrel.shared.DemoData}).
 * An open module; keep it tiny.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.carrel.shared;
