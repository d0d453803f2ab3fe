package org.carrel.shared;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** The one source of time; tests replace it with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * On PostgreSQL, lets the driver send a JDBC batch of inserts as multi-row statements: MARC imports insert
     * records, identifiers and copies in batches of hundreds (measured: about a tenth faster). H2 takes no such
     * setting and refuses unknown ones, so it is added only for a PostgreSQL URL.
     */
    @Bean
    static BeanPostProcessor batchedInsertsOnPostgres() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }
}
