package com.example.flags;

public interface FeatureFlags {
    boolean enabled(String flag);
}
