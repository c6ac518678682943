package io.glen.sample;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.glen.sample.domain.ProductRepository;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Hostile numbers are refused with 400 problem details and nothing is stored. */
@SpringBootTest
@AutoConfigureMockMvc
class InputValidationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductRepository products;

    private ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultActions problem400(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPriceTooLargeForADoubleIsRefusedNotStoredAsInfinity() throws Exception {
        problem400(postJson("/api/products", "{\"sku\":\"INF-1\",\"name\":\"Infinite\",\"stock\":1,\"price\":1e400}"));

        org.assertj.core.api.Assertions.assertThat(products.existsById("INF-1")).isFalse();
        mvc.perform(get("/api/orders/top?n=10")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Infinity"))));
    }

    @Test
    void aPriceAboveTheMaximumNamesTheField() throws Exception {
        problem400(postJson("/api/products", "{\"sku\":\"BIG-1\",\"name\":\"Big\",\"stock\":1,\"price\":2000000}"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("price")));
    }

    @Test
    void aFractionalQuantityIsRefused() throws Exception {
        problem400(postJson("/api/orders", "{\"customer\":\"eve\",\"lines\":[{\"productId\":\"X\",\"quantity\":1.5}]}"));
    }

    @Test
    void aQuantityGivenAsAStringIsRefused() throws Exception {
        problem400(postJson("/api/orders", "{\"customer\":\"eve\",\"lines\":[{\"productId\":\"X\",\"quantity\":\"5\"}]}"));
    }

    @Test
    void aFractionalStockIsRefused() throws Exception {
        problem400(postJson("/api/products", "{\"sku\":\"FR-1\",\"name\":\"Frac\",\"stock\":1.5,\"price\":1}"));

        org.assertj.core.api.Assertions.assertThat(products.existsById("FR-1")).isFalse();
    }

    @Test
    void aMinimumTotalWithoutAStatusIsRefused() throws Exception {
        problem400(mvc.perform(get("/api/orders?minTotal=5")));
    }
}
