package optikata.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import optikata.objective.NumericGradient;
import optikata.objective.Objective;
import optikata.objective.Objectives;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "gradcheck",
        mixinStandardHelpOptions = true,
        header = "Compare an objective's analytic gradient with central differences.",
        description = {
            "Compare an objective's analytic gradient with central differences (f(θ+h) − f(θ−h)) / 2h,",
            "coordinate by coordinate, by cs231n's relative error |a − n| / max(1e-8, |a| + |n|).",
            "Exit code 0 when every coordinate agrees within the tolerance, 1 when one does not.",
            "",
            "Example: the linear-regression tutorial (§4) prints ∂J/∂θ = (1/n) Σ (y − θᵀx) x, the negative gradient:",
            "  ./optikata gradcheck --objective least-squares-text-derivative --at 0.3,-0.2"
        })
public final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--objective",
            required = true,
            paramLabel = "NAME",
            description = "square, d2l-quadratic, rosenbrock, least-squares, logistic, least-squares-text-derivative")
    String objective;

    @Option(names = "--at", split = ",", paramLabel = "X", description = "the point θ (default: the objective's start)")
    double[] at;

    @Option(
            names = "--h",
            defaultValue = "1e-5",
            paramLabel = "H",
            description = "difference step (default: ${DEFAULT-VALUE})")
    double h;

    @Option(
            names = "--tolerance",
            defaultValue = "1e-6",
            paramLabel = "TOL",
            description = "largest relative error accepted (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Override
    public Integer call() {
        Objective f = Objectives.byName(objective);
        DMatrixRMaj theta = at == null ? f.defaultStart() : Objective.column(at.clone());
        if (theta.getNumElements() != f.dimension()) {
            throw new OptionException(
                    "--at",
                    "invalid point: " + Words.count(theta.getNumElements(), "value") + " but " + f.name() + " takes "
                            + f.dimension());
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new OptionException("--h", "invalid difference step: " + h + " (must be > 0)");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new OptionException("--tolerance", "invalid tolerance: " + tolerance + " (must be > 0)");
        }
        NumericGradient.Result r = NumericGradient.check(f, theta, h);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-4s %16s %16s %12s%n", "i", "analytic", "numeric", "rel. error");
        for (int i = 0; i < r.analytic().length; i++) {
            double e = NumericGradient.relativeError(r.analytic()[i], r.numeric()[i]);
            out.printf(
                    "%-4d %16.8g %16.8g %12.3g%s%n",
                    i + 1, r.analytic()[i], r.numeric()[i], e, e > tolerance ? "  ✘" : "");
        }
        boolean ok = r.passes(tolerance);
        out.printf(
                "%s: max relative error %.3g %s tolerance %.1g%n",
                ok ? "OK" : "MISMATCH", r.maxRelativeError(), ok ? "≤" : ">", tolerance);
        if (!ok) {
            boolean flipped = true;
            for (int i = 0; i < r.analytic().length; i++) {
                flipped &= NumericGradient.relativeError(-r.analytic()[i], r.numeric()[i]) <= tolerance;
            }
            if (flipped) {
                out.println("The analytic gradient is the negative of the numeric one: its sign is flipped.");
            }
        }
        out.flush();
        return ok ? 0 : 1;
    }
}
