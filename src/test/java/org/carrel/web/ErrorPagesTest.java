package org.carrel.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@CarrelTest
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void showsAServerErrorAsAPageWithoutTheException() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/staff/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("<h1>Something went wrong</h1>")))
                .andExpect(content().string(not(containsString("secret internals"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(containsString("<main id=\"main\"")));
    }

    @Test
    void answersTheApiWithAProblemDocument() throws Exception {
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nothing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing"));
    }

    @Test
    void speaksSpanishToASpanishBrowser() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "es-MX,es;q=0.9"))
                .andExpect(content().string(containsString("<html lang=\"es\">")))
                .andExpect(content().string(containsString("Iniciar sesión")));
    }
}
