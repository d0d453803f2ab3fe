package org.carrel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@CarrelTest
class ApiDocumentationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void describesTheApiWithoutSigningInAndOnlyTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Carrel API"))
                .andExpect(jsonPath("$.paths['/api/v1/schools'].get").exists())
                .andExpect(jsonPath("$.paths['/staff/schools']").doesNotExist())
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"));
    }
}
