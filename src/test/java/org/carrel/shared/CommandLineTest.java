package org.carrel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void readsOptionsWithASpaceOrAnEqualsSign() {
        CommandLine line = CommandLine.parse(List.of("--name", "Nightly sync", "--role=librarian"), Set.of("name", "role"));
        assertThat(line.required("name")).isEqualTo("Nightly sync");
        assertThat(line.option("role")).contains("librarian");
        assertThat(line.option("school")).isEmpty();
    }

    @Test
    void refusesAnUnknownOptionAStrayArgumentAndAMissingRequiredOne() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--colour", "red"), Set.of("name")))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> CommandLine.parse(List.of("stray"), Set.of("name")))
                .hasMessage("unexpected argument 'stray'");
        assertThatThrownBy(() -> CommandLine.parse(List.of(), Set.of("name")).required("name"))
                .hasMessage("--name is required");
    }

    @Test
    void readsFlagsRepeatedOptionsAndFileNames() {
        CommandLine line = CommandLine.parse(List.of("a.mrc", "--dry-run", "--map", "X=Y", "b.xml", "--map=P=Q"),
                Set.of("map"), Set.of("dry-run", "json"), true);
        assertThat(line.positional()).containsExactly("a.mrc", "b.xml");
        assertThat(line.flag("dry-run")).isTrue();
        assertThat(line.flag("json")).isFalse();
        assertThat(line.all("map")).containsExactly("X=Y", "P=Q");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--map"), Set.of("map"), Set.of(), true))
                .hasMessage("--map needs a value");
    }
}
