package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line built for one subcommand behaves as the full one for that subcommand's arguments. */
class FaultlineCommandTest {

    @Test
    void ownSubcommandsAreTheRegisteredOnesUnderTheNamesTheirAnnotationsGive() {
        List<String> expected = new ArrayList<>(FaultlineCommand.OWN_SUBCOMMANDS.stream().map(FaultlineCommand.Subcommand::name).toList());
        expected.add("generate-completion");
        expected.add("help");
        assertThat(FaultlineCommand.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(expected);
        for (FaultlineCommand.Subcommand s : FaultlineCommand.OWN_SUBCOMMANDS) {
            assertThat(FaultlineCommand.commandLineFor(s.name()).getSubcommands().keySet()).containsExactly(s.name());
        }
    }

    @Test
    void topLevelHelpAndUnknownNamesGetEverySubcommand() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "scan"},
                new String[] {"scna"}, new String[] {"generate-completion"})) {
            assertThat(FaultlineCommand.commandLineFor(args).getSubcommands()).hasSize(FaultlineCommand.OWN_SUBCOMMANDS.size() + 2);
        }
    }

    @Test
    void helpVersionAndUsageErrorsOfEachSubcommandAreThoseOfTheFullCommandLine() {
        List<String[]> cases = new ArrayList<>();
        for (FaultlineCommand.Subcommand s : FaultlineCommand.OWN_SUBCOMMANDS) {
            // none of these gets as far as running the command
            Stream.of(new String[] {s.name(), "--help"}, new String[] {s.name(), "-V"}, new String[] {s.name(), "--no-such-option"},
                    new String[] {s.name(), "--fail-on"}, new String[] {s.name(), "-h", "help"}).forEach(cases::add);
        }
        for (String[] args : cases) {
            CliRun lazy = CliRun.run(FaultlineCommand.commandLineFor(args), args);
            CliRun full = CliRun.run(FaultlineCommand.commandLine(), args);
            assertThat(lazy).as(String.join(" ", args)).isEqualTo(full);
        }
    }
}
