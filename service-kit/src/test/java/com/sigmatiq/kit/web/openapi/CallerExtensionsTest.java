package com.sigmatiq.kit.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.security.CurrentUser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class CallerExtensionsTest {

    /** Handlers shaped like the services'. */
    static final class Handlers {
        String mine(CurrentUser user, String id) {
            return id;
        }

        String open(String id) {
            return id;
        }
    }

    private static Operation customize(String method) throws NoSuchMethodException {
        var m = method.equals("mine") ? Handlers.class.getDeclaredMethod("mine", CurrentUser.class, String.class)
                : Handlers.class.getDeclaredMethod("open", String.class);
        return CallerExtensions.actsForCaller().customize(new Operation(), new HandlerMethod(new Handlers(), m));
    }

    @Test
    void anOperationWhoseHandlerTakesTheCallerIsMarked() throws Exception {
        assertThat(customize("mine").getExtensions()).containsEntry(CallerExtensions.ACTS_FOR_CALLER, true);
        assertThat(customize("open").getExtensions()).isNull();
    }

    @Test
    void operationsUnderARolePathNameTheRoleTheSecurityEnforces() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/imports", new PathItem().get(new Operation()).post(new Operation()))
                .addPathItem("/imports/{id}", new PathItem().get(new Operation()))
                .addPathItem("/importsx", new PathItem().get(new Operation()))
                .addPathItem("/replays/{id}/stop", new PathItem().post(new Operation()))
                .addPathItem("/models/{id}", new PathItem().get(new Operation()))
                .addPathItem("/internal/jobs", new PathItem().put(new Operation())));
        // roles in name order, as the kit's security registers them: "admin" wins where both match
        CallerExtensions.roles(Map.of("operator", List.of("/imports/**", " /replays/*/stop", "/internal/**"),
                "admin", List.of("/internal/**"))).customise(api);

        assertThat(role(api.getPaths().get("/imports").getGet())).isEqualTo("operator");
        assertThat(role(api.getPaths().get("/imports").getPost())).isEqualTo("operator");
        assertThat(role(api.getPaths().get("/imports/{id}").getGet())).isEqualTo("operator");
        assertThat(role(api.getPaths().get("/replays/{id}/stop").getPost())).isEqualTo("operator");
        assertThat(role(api.getPaths().get("/internal/jobs").getPut())).isEqualTo("admin");
        assertThat(api.getPaths().get("/importsx").getGet().getExtensions()).isNull();
        assertThat(api.getPaths().get("/models/{id}").getGet().getExtensions()).isNull();
    }

    @Test
    void aServiceWithoutRolePathsGetsNoRoleAndADocumentWithoutPathsIsLeftAlone() {
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/models", new PathItem().get(new Operation())));
        CallerExtensions.roles(Map.of()).customise(api);
        assertThat(api.getPaths().get("/models").getGet().getExtensions()).isNull();
        CallerExtensions.roles(Map.of("operator", List.of("/**"))).customise(new OpenAPI());
    }

    private static Object role(Operation operation) {
        return operation.getExtensions() == null ? null : operation.getExtensions().get(CallerExtensions.ROLE);
    }
}
