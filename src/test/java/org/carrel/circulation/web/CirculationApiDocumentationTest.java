package org.carrel.circulation.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The circulation API is in the OpenAPI description, with its answers and the API token it takes. */
@CarrelTest
class CirculationApiDocumentationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void describesEveryCirculationEndpointWithItsAnswers() throws Exception {
        String paths = "$.paths['/api/v1/circulation/";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(paths + "checkouts'].post.responses['201']").exists())
                .andExpect(jsonPath(paths + "checkouts'].post.responses['409']").exists())
                .andExpect(jsonPath(paths + "checkouts'].post.security[0].apiToken").exists())
                .andExpect(jsonPath(paths + "checkins'].post.responses['200']").exists())
                .andExpect(jsonPath(paths + "renewals'].post.responses['200']").exists())
                .andExpect(jsonPath(paths + "loans'].get.parameters[0].name").value("patron"))
                .andExpect(jsonPath(paths + "loans/{id}'].get").exists())
                .andExpect(jsonPath(paths + "holds'].post.responses['201']").exists())
                .andExpect(jsonPath(paths + "holds'].get").exists())
                .andExpect(jsonPath(paths + "holds/{id}'].get").exists())
                .andExpect(jsonPath(paths + "holds/{id}'].delete.responses['204']").exists())
                .andExpect(jsonPath("$.components.schemas.LoanJson.properties.dueAt").exists())
                .andExpect(jsonPath("$.components.schemas.CheckinJson.properties.routing").exists());
    }
}
