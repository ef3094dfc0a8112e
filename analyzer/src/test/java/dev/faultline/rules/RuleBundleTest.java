package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundle the build wrote holds exactly what the YAML of the built-in packs says. */
class RuleBundleTest {

    @Test
    void bundleOfTheBuildEqualsTheParsedYamlOfTheBuiltInPacks() {
        List<RuleCatalog.PackFile> yaml = new ArrayList<>();
        RuleCatalog.readBuiltInYaml(yaml::add);
        assertThat(yaml).isNotEmpty();
        assertThat(RuleBundle.read()).as("the build writes " + RuleBundle.RESOURCE + " in process-classes").hasValue(yaml);
    }
}
