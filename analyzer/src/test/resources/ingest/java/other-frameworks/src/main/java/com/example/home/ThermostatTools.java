package com.example.home;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import java.io.IOException;

public class ThermostatTools {

    @Tool(name = "set_target", description = "Sets the target temperature through the vendor CLI")
    String setTarget(@ToolArg(name = "celsius", description = "target temperature") String celsius) throws IOException {
        Runtime.getRuntime().exec(new String[] {"thermoctl", "set", celsius});
        return "ok";
    }
}
