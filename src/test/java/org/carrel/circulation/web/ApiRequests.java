package org.carrel.circulation.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests to the circulation API as a script sends them: JSON with {@code Authorization: Bearer TOKEN}. */
final class ApiRequests {

    private ApiRequests() {
    }

    /** A new token of the role, scoped to the school (null: no school, as a district admin's). */
    static String token(ApiTokens tokens, Role role, Long schoolId) {
        return tokens.create("circulation api test " + role, role, schoolId, "test").token();
    }

    static MockHttpServletRequestBuilder postJson(String path, String token, String json) {
        return post(path).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).content(json);
    }

    static MockHttpServletRequestBuilder getJson(String path, String token) {
        return get(path).header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    }

    static MockHttpServletRequestBuilder deleteAs(String path, String token) {
        return delete(path).header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    }

    static String checkout(String patron, String item) {
        return "{\"patron\":\"" + patron + "\",\"item\":\"" + item + "\"}";
    }

    static String item(String item) {
        return "{\"item\":\"" + item + "\"}";
    }
}
