package io.basalt.server.sql.plan;

/** Supplies the values of @@system and @user variables while a statement is prepared. */
public interface VariableResolver {
    /** Resolves nothing; any variable reference fails. */
    VariableResolver NONE = new VariableResolver() {
        @Override
        public Object systemVariable(String scope, String name) {
            throw new io.basalt.error.BasaltException(io.basalt.error.ErrorCode.UNKNOWN_SYSTEM_VARIABLE,
                    "Unknown system variable '" + name + "'");
        }

        @Override
        public Object userVariable(String name) {
            return null;
        }
    };

    /**
     * The value of @@[scope.]name; scope is "", "SESSION" or "GLOBAL".
     *
     * @throws io.basalt.error.BasaltException UNKNOWN_SYSTEM_VARIABLE (1193)
     */
    Object systemVariable(String scope, String name);

    /** The value of @name, or null when unset. */
    Object userVariable(String name);
}
