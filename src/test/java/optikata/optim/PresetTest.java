package optikata.optim;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each preset against its framework's update, written out here in the framework's own order of
 * operations (from the cited source file), on g = (2, −0.5), θ = (1, 1), two steps.
 */
class PresetTest {
    private static final double[] G1 = {2.0, -0.5};
    private static final double[] G2 = {-1.0, 0.25};

    private static double[] run(RmsPropConfig config) {
        RmsProp rms = new RmsProp(config);
        DMatrixRMaj theta = col(1.0, 1.0);
        rms.step(theta, col(G1.clone()));
        rms.step(theta, col(G2.clone()));
        return theta.data.clone();
    }

    @Test
    @DisplayName(
            "pytorch: square_avg.mul_(alpha).addcmul_(g, g, 1-alpha); avg = sqrt + eps; param.addcdiv_(g, avg, -lr)")
    void pytorch() {
        double lr = 0.01, alpha = 0.99, eps = 1e-8;
        double[] p = {1, 1};
        double[] sq = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                sq[i] = sq[i] * alpha + (1 - alpha) * g[i] * g[i];
                double avg = Math.sqrt(sq[i]) + eps;
                p[i] += -lr * g[i] / avg;
            }
        }
        assertThat(run(RmsPropPreset.PYTORCH.config())).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("pytorch with momentum: buf.mul_(momentum).addcdiv_(g, avg); param.add_(buf, alpha=-lr)")
    void pytorchMomentum() {
        double lr = 0.01, alpha = 0.99, eps = 1e-8, mom = 0.9;
        double[] p = {1, 1};
        double[] sq = {0, 0};
        double[] buf = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                sq[i] = sq[i] * alpha + (1 - alpha) * g[i] * g[i];
                double avg = Math.sqrt(sq[i]) + eps;
                buf[i] = buf[i] * mom + g[i] / avg;
                p[i] += -lr * buf[i];
            }
        }
        assertThat(run(RmsPropPreset.PYTORCH.config().toBuilder().momentum(0.9).build()))
                .containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("keras: velocity = rho v + (1-rho) g²; increment = lr g rsqrt(velocity + epsilon)")
    void keras() {
        double lr = (float) 0.001, rho = 0.9, eps = 1e-7; // the learning rate is a float32 variable
        double[] p = {1, 1};
        double[] v = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                p[i] -= lr * g[i] * (1 / Math.sqrt(v[i] + eps));
            }
        }
        assertThat(run(RmsPropPreset.KERAS.config())).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("keras centered with momentum: denominator = v − ag² + eps; m = μ m + increment; var −= m")
    void kerasCenteredMomentum() {
        double lr = (float) 0.001, rho = 0.9, eps = 1e-7, mom = 0.5; // the learning rate is a float32 variable
        double[] p = {1, 1};
        double[] v = {0, 0};
        double[] ag = {0, 0};
        double[] m = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                ag[i] = rho * ag[i] + (1 - rho) * g[i];
                double increment = lr * g[i] / Math.sqrt(v[i] - ag[i] * ag[i] + eps);
                m[i] = mom * m[i] + increment;
                p[i] -= m[i];
            }
        }
        RmsPropConfig c = RmsPropPreset.KERAS.config().toBuilder()
                .centered(true)
                .momentum(0.5)
                .build();
        assertThat(run(c)).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("tf1: ms starts at ones; ms = decay ms + (1-decay) g²; mom = momentum mom + lr g / sqrt(ms + eps)")
    void tf1() {
        double lr = (float) 0.001, decay = (float) 0.9, eps = (float) 1e-10; // Python floats become float32 tensors
        double[] p = {1, 1};
        double[] ms = {1, 1};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                ms[i] = decay * ms[i] + (1 - decay) * g[i] * g[i];
                p[i] -= lr * g[i] / Math.sqrt(ms[i] + eps);
            }
        }
        assertThat(run(RmsPropPreset.TF1.config())).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("optax: nu = decay nu + (1-decay) g²; updates = g rsqrt(nu + eps) scaled by −lr")
    void optax() {
        double lr = 0.001, decay = 0.9, eps = 1e-8;
        double[] p = {1, 1};
        double[] nu = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                nu[i] = decay * nu[i] + (1 - decay) * g[i] * g[i];
                p[i] += -lr * (g[i] / Math.sqrt(nu[i] + eps));
            }
        }
        assertThat(run(RmsPropPreset.OPTAX.config())).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("cs231n: cache = dr cache + (1-dr) dw²; next_w = w − lr dw / (sqrt(cache) + eps)")
    void cs231n() {
        double lr = 1e-2, dr = 0.99, eps = 1e-8;
        double[] p = {1, 1};
        double[] cache = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                cache[i] = dr * cache[i] + (1 - dr) * g[i] * g[i];
                p[i] = p[i] - lr * g[i] / (Math.sqrt(cache[i]) + eps);
            }
        }
        assertThat(run(RmsPropPreset.CS231N.config())).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("d2l: s = γ s + (1−γ) g²; x −= lr g / sqrt(s + 1e-6)")
    void d2l() {
        double lr = 0.01, gamma = 0.9, eps = 1e-6;
        double[] p = {1, 1};
        double[] s = {0, 0};
        for (double[] g : new double[][] {G1, G2}) {
            for (int i = 0; i < 2; i++) {
                s[i] = gamma * s[i] + (1 - gamma) * g[i] * g[i];
                p[i] -= lr * g[i] / Math.sqrt(s[i] + eps);
            }
        }
        assertThat(run(RmsPropPreset.D2L.config())).containsExactly(p, within(1e-15));
    }

    @Test
    @DisplayName("the framework defaults are the documented ones")
    void defaults() {
        assertThat(RmsPropPreset.PYTORCH.config())
                .extracting(RmsPropConfig::learningRate, RmsPropConfig::decay, RmsPropConfig::epsilon)
                .containsExactly(0.01, 0.99, 1e-8);
        assertThat(RmsPropPreset.KERAS.config())
                .extracting(RmsPropConfig::learningRate, RmsPropConfig::decay, RmsPropConfig::epsilon)
                .containsExactly(0.001, 0.9, 1e-7);
        assertThat(RmsPropPreset.TF1.config().initialAccumulator()).isEqualTo(1.0);
        assertThat(RmsPropPreset.TF1.config().epsilon()).isEqualTo(1e-10);
        assertThat(RmsPropPreset.D2L.config().epsilon()).isEqualTo(1e-6);
        assertThat(RmsPropPreset.CS231N.config().decay()).isEqualTo(0.99);
        for (RmsPropPreset p : RmsPropPreset.values()) {
            assertThat(p.source()).isNotBlank();
            assertThat(RmsPropPreset.byId(p.id().toUpperCase(Locale.ROOT))).isSameAs(p);
        }
        assertThatThrownBy(() -> RmsPropPreset.byId("torch")).hasMessageContaining("Unknown preset: torch");
    }
}
