package com.sigmatiq.local.soak;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The heap a JVM keeps after a full collection: attaches to the process (the JDK's Attach API starts its local JMX
 * agent), asks for a full collection ({@code MemoryMXBean.gc()}, as {@code System.gc()}: with the serial collector a
 * stop-the-world mark-compact of the whole heap), and reads the heap pools' use after it from the collector's own
 * {@code LastGcInfo}. That is the live set plus nothing else, the figure a leak makes grow; the heap after a young
 * collection also holds the old generation's garbage, which grows until the next full collection whether or not
 * anything leaks. One full collection per sample (once a minute) is the price.
 */
public final class HeapAfterGc implements AutoCloseable {

    private final long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final Set<String> heapPools;

    private HeapAfterGc(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }

    /** Attaches to the JVM of {@code pid} (same user) over its local JMX agent. */
    public static HeapAfterGc attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new HeapAfterGc(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
    }

    public long pid() {
        return pid;
    }

    /** Runs a full collection and returns the heap in use right after it, in bytes. */
    public long collectAndMeasure() {
        try {
            ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class).gc();
            GcInfo latest = null;
            for (ObjectName name : server.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE
                    + ",*"), null)) {
                GcInfo info = ManagementFactory.newPlatformMXBeanProxy(server, name.toString(),
                        GarbageCollectorMXBean.class).getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
            if (latest == null) {
                throw new IllegalStateException("pid " + pid + " reports no collection after gc()");
            }
            return heapAfter(latest.getMemoryUsageAfterGc());
        } catch (IOException | javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException("pid " + pid + ": " + e.getMessage(), e);
        }
    }

    private long heapAfter(Map<String, MemoryUsage> pools) {
        long used = 0;
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
                seen.add(e.getKey());
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalStateException("pid " + pid + ": no heap pool in " + pools.keySet());
        }
        return used;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // the JVM is gone or going: nothing to release
        }
    }
}
