package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    @Test
    void boundsTheConnectionPoolWhenNothingElseDid() {
        Properties properties = new Properties();

        HttpClients.boundConnectionPool(properties);

        assertThat(properties.getProperty("jdk.httpclient.connectionPoolSize"))
                .isEqualTo(Integer.toString(HttpClients.DEFAULT_POOL_SIZE));
    }

    @Test
    void leavesAnOperatorsOwnPoolSizeAlone() {
        Properties properties = new Properties();
        properties.setProperty("jdk.httpclient.connectionPoolSize", "0");

        HttpClients.boundConnectionPool(properties);

        assertThat(properties.getProperty("jdk.httpclient.connectionPoolSize")).isEqualTo("0");
    }
}
