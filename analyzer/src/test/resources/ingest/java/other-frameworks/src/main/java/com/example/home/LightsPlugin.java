package com.example.home;

import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class LightsPlugin {
    private final Map<Integer, Boolean> lights = new ConcurrentHashMap<>();

    @DefineKernelFunction(name = "change_state", description = "Turns a light on or off")
    public String changeState(
            @KernelFunctionParameter(name = "id", description = "the light id") int id,
            @KernelFunctionParameter(name = "on", description = "true to switch it on") boolean on) {
        lights.put(id, on);
        return "light " + id + (on ? " on" : " off");
    }
}
