package io.basalt.tests.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh Basalt server: started before the class's first test, stopped after its
 * last, injected as a {@link BasaltProcess} parameter into constructors, {@code @BeforeAll}/{@code @BeforeEach}
 * methods and tests.
 *
 * <pre>{@code
 * @ExtendWith(BasaltServerExtension.class)
 * class SomethingTest {
 *     @Test
 *     void works(BasaltProcess basalt) throws Exception {
 *         try (Connection c = basalt.connect()) { ... }
 *     }
 * }
 * }</pre>
 */
public final class BasaltServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BasaltServerExtension.class);
    private static final String KEY = "basalt";

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        context.getStore(NAMESPACE).put(KEY, BasaltProcess.start(name));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        BasaltProcess basalt = context.getStore(NAMESPACE).remove(KEY, BasaltProcess.class);
        if (basalt != null) {
            basalt.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BasaltProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        BasaltProcess basalt = extensionContext.getStore(NAMESPACE).get(KEY, BasaltProcess.class);
        if (basalt == null) {
            throw new ParameterResolutionException("no Basalt server: register BasaltServerExtension on the test class");
        }
        return basalt;
    }
}
