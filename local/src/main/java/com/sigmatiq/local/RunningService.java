package com.sigmatiq.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A service started as its own Spring Boot application in its own class loader (parent: the JDK's platform loader).
 *
 * <p>The launcher has no compile-time view of Spring Boot as the service sees it — the service's Spring classes live
 * in the service's loader — so {@code SpringApplicationBuilder} is called through three reflective calls;
 * the returned context is handled as {@link AutoCloseable}, an interface both sides share.
 */
final class RunningService {

    private static final Logger log = LoggerFactory.getLogger(RunningService.class);

    private final LocalService service;
    private final URLClassLoader loader;
    private final AutoCloseable context;

    private RunningService(LocalService service, URLClassLoader loader, AutoCloseable context) {
        this.service = service;
        this.loader = loader;
        this.context = context;
    }

    /** Thrown when the module is built but has no such main class (e.g. still a placeholder). */
    static final class MainClassMissing extends Exception {
        MainClassMissing(String message) {
            super(message);
        }
    }

    /**
     * Starts {@code service} on {@code classpath}; {@code properties} become command-line arguments
     * ({@code --key=value}) so they take precedence over the service's own {@code application.yaml}.
     */
    static RunningService start(LocalService service, List<Path> classpath, Map<String, String> properties)
            throws MainClassMissing {
        URLClassLoader loader = new URLClassLoader(service.module(), urls(classpath), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> main;
            try {
                main = Class.forName(service.mainClass(), false, loader);
            } catch (ClassNotFoundException e) {
                closeQuietly(loader);
                throw new MainClassMissing(service.module() + " has no class " + service.mainClass());
            }
            disableTomcatUrlHandlerFactory(loader);
            Class<?> builderType = Class.forName("org.springframework.boot.builder.SpringApplicationBuilder", true, loader);
            Object builder = builderType.getConstructor(Class[].class).newInstance((Object) new Class<?>[] {main});
            String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                    .toArray(String[]::new);
            Object context = builderType.getMethod("run", String[].class).invoke(builder, (Object) args);
            return new RunningService(service, loader, (AutoCloseable) context);
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new IllegalStateException(service.module() + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            closeQuietly(loader);
            throw new IllegalStateException(service.module() + " has no usable Spring Boot on its class path", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Each embedded Tomcat registers its {@code war:} URL handler as the JVM-wide {@code URLStreamHandlerFactory},
     * which can be set once per JVM: a second Tomcat (from another class loader) then fails with
     * "factory already defined". Embedded services serve no WAR files, so turn it off in every service's Tomcat.
     */
    private static void disableTomcatUrlHandlerFactory(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> factory;
        try {
            factory = Class.forName("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory", true, loader);
        } catch (ClassNotFoundException e) {
            return; // not a Tomcat service
        }
        factory.getMethod("disable").invoke(null);
    }

    LocalService service() {
        return service;
    }

    /** The class loader the service runs in (tests check isolation). */
    ClassLoader classLoader() {
        return loader;
    }

    /** The service's {@code ConfigurableApplicationContext}, typed as its loader sees it. */
    Object context() {
        return context;
    }

    /** Closes the application context, then the class loader. Never throws. */
    void stop() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            context.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly", service.module(), e);
        } finally {
            thread.setContextClassLoader(previous);
            closeQuietly(loader);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad class path entry " + classpath.get(i), e);
            }
        }
        return urls;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            log.debug("class loader of {} did not close", loader.getName(), e);
        }
    }
}
