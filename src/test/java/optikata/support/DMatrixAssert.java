package optikata.support;

import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;
import org.ejml.data.DMatrixRMaj;

/** AssertJ assertions for EJML matrices: shape and element-wise closeness with the worst index in the message. */
public final class DMatrixAssert extends AbstractAssert<DMatrixAssert, DMatrixRMaj> {

    public DMatrixAssert(DMatrixRMaj actual) {
        super(actual, DMatrixAssert.class);
    }

    public static DMatrixAssert assertThat(DMatrixRMaj actual) {
        return new DMatrixAssert(actual);
    }

    public DMatrixAssert hasShape(int rows, int cols) {
        isNotNull();
        if (actual.numRows != rows || actual.numCols != cols) {
            failWithMessage("Expected shape %dx%d but was %dx%d", rows, cols, actual.numRows, actual.numCols);
        }
        return this;
    }

    public DMatrixAssert isElementwiseCloseTo(double[] expected, double tolerance) {
        isNotNull();
        if (actual.getNumElements() != expected.length) {
            failWithMessage("Expected %d elements but was %d", expected.length, actual.getNumElements());
        }
        for (int i = 0; i < expected.length; i++) {
            double a = actual.data[i];
            if (!(Math.abs(a - expected[i]) <= tolerance) && !(Double.compare(a, expected[i]) == 0)) {
                failWithMessage(
                        "Element %d: expected %s but was %s (|diff| = %s > tolerance %s)",
                        i, expected[i], a, Math.abs(a - expected[i]), tolerance);
            }
        }
        return this;
    }

    public DMatrixAssert isElementwiseCloseTo(DMatrixRMaj expected, double tolerance) {
        hasShape(expected.numRows, expected.numCols);
        return isElementwiseCloseTo(Arrays.copyOf(expected.data, expected.getNumElements()), tolerance);
    }

    /** Bit-for-bit equal contents and shape. */
    public DMatrixAssert isIdenticalTo(DMatrixRMaj expected) {
        return isElementwiseCloseTo(expected, 0.0);
    }
}
