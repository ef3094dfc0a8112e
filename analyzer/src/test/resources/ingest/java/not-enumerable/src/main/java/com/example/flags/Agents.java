package com.example.flags;

import com.google.adk.agents.LlmAgent;
import com.google.adk.tools.FunctionTool;
import dev.langchain4j.service.AiServices;
import java.util.List;

public class Agents {

    interface Assistant {
        String chat(String message);
    }

    Assistant assistant(FeatureFlags flags) {
        AiServices<Assistant> builder = AiServices.builder(Assistant.class).tools(new SearchTools());
        if (flags.enabled("billing-tools")) {
            builder.tools(new BillingTools());
        }
        return builder.build();
    }

    LlmAgent byName(String methodName) throws ClassNotFoundException {
        return LlmAgent.builder()
                .name("runtime_agent")
                .tools(FunctionTool.create(SearchTools.class, methodName),
                        FunctionTool.create(Class.forName(System.getProperty("tools.class")), "run"),
                        FunctionTool.create(SearchTools.class, "search"))
                .build();
    }

    LlmAgent plugins() {
        return LlmAgent.builder().name("plugin_agent").tools(loadPlugins()).build();
    }

    List<Object> loadPlugins() {
        return List.of();
    }
}
