package org.carrel.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a private in-memory H2 database (PostgreSQL mode, as in production) and a temporary
 * data folder and a search index in memory, without the demo district, with MockMvc. Tests sharing these settings share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "carrel.data-dir=${java.io.tmpdir}/carrel-test-data",
        "carrel.search.dir=memory",
        "carrel.demo=false",
        "carrel.sip2.port=0",
        "carrel.notifications.send-every=PT1000H",
        "carrel.notifications.cron.notices=-",
        "carrel.notifications.cron.new-arrivals=-"})
@AutoConfigureMockMvc
public @interface CarrelTest {
}
