package dev.faultline.ingest.java;

import com.github.javaparser.resolution.cache.Cache;
import com.github.javaparser.resolution.cache.CacheStats;
import com.github.javaparser.symbolsolver.cache.DefaultCacheStats;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JavaParser solver cache that answers every key from our own index instead of the file system:
 * the solver never reads or parses a file we did not choose, and writes to it are ignored.
 */
final class LookupCache<V> implements Cache<Path, V> {
    private final Function<Path, V> lookup;
    private final long size;

    LookupCache(Function<Path, V> lookup, long size) {
        this.lookup = lookup;
        this.size = size;
    }

    @Override
    public void put(Path key, V value) {
    }

    @Override
    public Optional<V> get(Path key) {
        return Optional.of(lookup.apply(key.toAbsolutePath().normalize()));
    }

    @Override
    public void remove(Path key) {
    }

    @Override
    public void removeAll() {
    }

    @Override
    public boolean contains(Path key) {
        return true;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public CacheStats stats() {
        return new DefaultCacheStats();
    }
}
