package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

/** One JAX-RS resource. */
@ApplicationPath("api")
public class FloorApi extends Application {
    @Path("hello")
    public static class Hello {
        @GET
        public String hello() {
            return "hello";
        }
    }
}
