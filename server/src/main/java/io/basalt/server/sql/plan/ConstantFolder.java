package io.basalt.server.sql.plan;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.exec.expr.ScalarCompiler;
import io.basalt.server.exec.expr.ToRexLiteral;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;

/**
 * Constant folding for the planner with Basalt's own evaluator, so plans are simplified with
 * MySQL semantics and Calcite never generates code. An expression that fails to evaluate is left
 * as it is and fails at run time, where the error belongs.
 */
final class ConstantFolder implements RexExecutor {
    private final StatementEnvironment env;

    ConstantFolder(StatementEnvironment env) {
        this.env = env;
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        ScalarCompiler compiler = new ScalarCompiler(rexBuilder);
        for (RexNode e : constExps) {
            RexNode reduced = e;
            try {
                ExecContext ctx = new ExecContext(env, null);
                Object v = compiler.evaluateConstant(e, ctx);
                if (ctx.warningCount() == 0) {
                    RexNode lit = ToRexLiteral.make(rexBuilder, v, e.getType());
                    if (lit != null) {
                        reduced = lit;
                    }
                }
            } catch (RuntimeException ex) {
                reduced = e;
            }
            reducedValues.add(reduced);
        }
    }
}
