package dev.iolaus.eval;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak live heap of one run, GC-aware: the largest heap occupancy right after any collection during the run (from the
 * JVM's GC notifications), and after a forced full collection at the end while the detector's state is still
 * reachable. Heap right after a GC is what the run keeps alive, unlike raw "used", which mostly measures garbage.
 * It is the whole JVM's heap (harness and simulator included): the {@code null} detector's figure is the floor.
 */
final class HeapMeter implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final List<Registered> registered = new ArrayList<>();
    private final Set<String> heapPools;

    private record Registered(NotificationEmitter emitter, NotificationListener listener) {
    }

    /** Starts listening after a full collection, so the peak starts from the live heap before the run. */
    HeapMeter() {
        heapPools = new java.util.HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().forEach(p -> {
            if (p.getType() == MemoryType.HEAP) {
                heapPools.add(p.getName());
            }
        });
        System.gc();
        peak.set(usedNow());
        NotificationListener l = (n, hb) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter em) {
                em.addNotificationListener(l, null, null);
                registered.add(new Registered(em, l));
            }
        }
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Forces a full collection (the run's state must still be reachable) and returns the peak in bytes. */
    long finish() {
        System.gc();
        peak.accumulateAndGet(usedNow(), Math::max);
        return peak.get();
    }

    @Override
    public void close() {
        for (Registered r : registered) {
            try {
                r.emitter().removeNotificationListener(r.listener());
            } catch (javax.management.ListenerNotFoundException e) {
                // Already gone: nothing to undo.
            }
        }
    }
}
