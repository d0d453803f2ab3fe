package org.carrel.circulation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for {@link CirculationJobs} (nothing else in Carrel enabled it before). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CirculationScheduling {
}
