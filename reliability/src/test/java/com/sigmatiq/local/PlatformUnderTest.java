package com.sigmatiq.local;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local mode as {@code PlatformEndToEndTest} starts it — embedded PostgreSQL and Kafka, then every service of
 * {@link LocalServices#ALL} in its own class loader — on free ports and a given data folder, for the reliability
 * suite. Lives in local's package to reach its package-private start; adds nothing to local mode itself.
 */
public final class PlatformUnderTest implements AutoCloseable {

    private final LocalMode mode = new LocalMode();
    private final Path data;
    private final Map<String, String> baseUrls = new LinkedHashMap<>();

    private PlatformUnderTest(Path data) {
        this.data = data;
    }

    /**
     * Starts every built service of the repository at {@code root} on free ports.
     *
     * @throws IllegalStateException when a service is not built (run the reactor build first)
     */
    public static PlatformUnderTest start(Path root, Path data) {
        List<LocalService> services = LocalServices.ALL.stream()
                .map(s -> s.withPort(LocalInfrastructure.portOrFree(0, s.module())))
                .toList();
        ServiceClasspath classpath = ServiceClasspath.modulesUnder(root);
        for (LocalService service : services) {
            if (classpath.resolve(service).isEmpty()) {
                throw new IllegalStateException(service.module() + " is not built (target/classes and "
                        + ServiceClasspath.CLASSPATH_FILE + "): run ./mvnw -B -pl reliability -am verify");
            }
        }
        PlatformUnderTest platform = new PlatformUnderTest(data);
        try {
            platform.mode.start(new LocalMode.Options(root, data, 0, 0), services, classpath);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        int started = platform.mode.running().size();
        for (RunningService running : platform.mode.running()) {
            // the local broker speaks FIX, not HTTP: nothing of it is reached through the gateway
            if (!running.service().module().equals(LocalServices.LOCAL_BROKER)) {
                platform.baseUrls.put(running.service().module(), running.service().baseUrl());
            }
        }
        if (started != services.size()) {
            platform.close();
            throw new IllegalStateException("not every service started: " + platform.baseUrls.keySet());
        }
        return platform;
    }

    /** Module name to base URL ({@code http://localhost:<port>}) of every HTTP service, gateway first. */
    public Map<String, String> baseUrls() {
        return Map.copyOf(baseUrls);
    }

    public String gateway() {
        return baseUrls.get(LocalServices.GATEWAY);
    }

    /** The gateway's key-encryption secret local mode generated in the data folder. */
    public String keyEncryptionSecret() {
        try {
            return Files.readString(data.resolve(IdentitySecret.FILE)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Local mode's service secret (services show it to the gateway for their own tokens). */
    public String serviceSecret() {
        return property(LocalServices.GATEWAY, "sigmatiq.identity.service-secret");
    }

    /** A property of a running service's environment, read through its own class loader. */
    public String property(String module, String name) {
        Object context = running(module).context();
        try {
            Object environment = context.getClass().getMethod("getEnvironment").invoke(context);
            return (String) environment.getClass().getMethod("getProperty", String.class).invoke(environment, name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The result of calling {@code method} (no arguments) on the only bean of the class named {@code beanType} in
     * {@code module}'s context, e.g. the gateway's active signing key as JSON.
     */
    public Object callOnBean(String module, String beanType, String... methods) {
        RunningService running = running(module);
        try {
            Class<?> type = Class.forName(beanType, true, running.classLoader());
            Object context = running.context();
            Method getBean = context.getClass().getMethod("getBean", Class.class);
            Object value = getBean.invoke(context, type);
            for (String method : methods) {
                Method m = value.getClass().getMethod(method);
                m.setAccessible(true);
                value = m.invoke(value);
            }
            return value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunningService running(String module) {
        return mode.running().stream().filter(r -> r.service().module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not running: " + module));
    }

    @Override
    public void close() {
        mode.close();
    }
}
