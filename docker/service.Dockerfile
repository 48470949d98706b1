# One image per service, built from that service module's Spring Boot executable jar.
#   ./mvnw -B -DskipTests package                  (builds <module>/target/<module>-<version>-exec.jar)
#   docker build -f docker/service.Dockerfile --build-arg MODULE=gateway --build-arg PORT=8080 -t sigmatiq/gateway .
# docker-compose.yml does this for every service.
FROM eclipse-temurin:17-jre

ARG MODULE
ARG PORT=8080

RUN groupadd --system sigmatiq && useradd --system --gid sigmatiq --home-dir /app sigmatiq
WORKDIR /app

# The bundled packs: pack-service loads packs/ (relative to the working directory) at start; small, so every
# image carries them.
COPY packs/ /app/packs/
COPY ${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar

USER sigmatiq
EXPOSE ${PORT}
# Extra JVM flags: set JAVA_TOOL_OPTIONS in the container's environment.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
