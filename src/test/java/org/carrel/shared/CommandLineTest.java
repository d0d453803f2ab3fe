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
}
