package org.carrel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CarrelApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFacesAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        String folder = "target/spring-modulith-docs";
        new Documenter(modules, folder).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Path.of(folder, "components.puml")).isNotEmptyFile();
        assertThat(Path.of(folder, "module-accounts.puml")).isNotEmptyFile();
    }
}
