# Multi-stage build: the first stage builds the shaded jar with Maven on JDK 21, the second runs it on a
# JRE as an unprivileged user. Probes, baselines and alerting are mounted (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY src ./src
RUN mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:21-jre
RUN groupadd --system driftwatch && useradd --system --gid driftwatch --home /app driftwatch \
    && mkdir -p /app/data /app/probes /app/baselines /app/alerting && chown -R driftwatch:driftwatch /app
WORKDIR /app
COPY --from=build /src/target/driftwatch.jar /app/driftwatch.jar
COPY --chown=driftwatch:driftwatch probes /app/probes
COPY --chown=driftwatch:driftwatch baselines /app/baselines
COPY --chown=driftwatch:driftwatch alerting /app/alerting
USER driftwatch
ENV DRIFTWATCH_HOST=0.0.0.0 DRIFTWATCH_PORT=9464 DRIFTWATCH_DATA=/app/data
EXPOSE 9464
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["java", "-cp", "/app/driftwatch.jar", "io.driftwatch.cli.HealthProbe", "http://127.0.0.1:9464/readyz"]
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-Djdk.nio.maxCachedBufferSize=65536", "-jar", "/app/driftwatch.jar"]
CMD ["run"]
