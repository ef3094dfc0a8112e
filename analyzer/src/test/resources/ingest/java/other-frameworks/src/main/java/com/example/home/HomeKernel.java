package com.example.home;

import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.plugin.KernelPlugin;
import com.microsoft.semantickernel.plugin.KernelPluginFactory;
import com.microsoft.semantickernel.services.chatcompletion.ChatCompletionService;

public class HomeKernel {

    public Kernel kernel(ChatCompletionService chat) {
        KernelPlugin lights = KernelPluginFactory.createFromObject(new LightsPlugin(), "LightsPlugin");
        return Kernel.builder().withAIService(ChatCompletionService.class, chat).withPlugin(lights).build();
    }
}
