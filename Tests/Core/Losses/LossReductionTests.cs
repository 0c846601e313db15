using Keras.Losses;
using static Keras.Tests.Core.Losses.LossOracle;
using static TorchSharp.torch;

namespace Keras.Tests.Core.Losses;

/// <summary>Sample weights, reductions, shape handling and dtypes of <see cref="Loss.Call"/>, checked on mean squared
/// error whose per-sample values are computed by hand.</summary>
public class LossReductionTests
{
    // Per-sample MSE: (1 + 4) / 2 = 2.5, (0 + 1) / 2 = 0.5, (9 + 0) / 2 = 4.5.
    private static readonly double[,] YTrue = { { 0, 0 }, { 1, 1 }, { 2, 2 } };
    private static readonly double[,] YPred = { { 1, 2 }, { 1, 0 }, { 5, 2 } };
    private static readonly double[] PerSample = [2.5, 0.5, 4.5];
    private static readonly double[] SampleWeight = [2.0, 0.0, 0.5];

    private static Tensor Call(string reduction, Tensor? sampleWeight = null) =>
        new MeanSquaredError(reduction).Call(Tensor2D(YTrue), Tensor2D(YPred), sampleWeight);

    [Fact]
    public void None_ReturnsWeightedPerSampleValues()
    {
        Close(PerSample, Call("none"));
        Close(PerSample.Zip(SampleWeight, (v, w) => v * w).ToArray(), Call("none", Tensor1D(SampleWeight)));
    }

    [Fact]
    public void Sum_AddsWeightedValues()
    {
        Close(7.5, Call("sum").item<double>());
        Close(2.5 * 2 + 4.5 * 0.5, Call("sum", Tensor1D(SampleWeight)).item<double>());
    }

    [Theory]
    [InlineData("sum_over_batch_size")]
    [InlineData("mean")]
    public void SumOverBatchSize_DividesByTheNumberOfValues(string reduction)
    {
        Close(7.5 / 3, Call(reduction).item<double>());
        // Zero weights still count in the divisor, as Keras.
        Close((2.5 * 2 + 4.5 * 0.5) / 3, Call(reduction, Tensor1D(SampleWeight)).item<double>());
    }

    [Fact]
    public void MeanWithSampleWeight_DividesByTheSumOfWeights()
    {
        Close((2.5 * 2 + 4.5 * 0.5) / 2.5, Call("mean_with_sample_weight", Tensor1D(SampleWeight)).item<double>());
        // Without weights it is the plain mean; with all-zero weights it is 0 rather than NaN (divide_no_nan).
        Close(7.5 / 3, Call("mean_with_sample_weight").item<double>());
        Assert.Equal(0.0, Call("mean_with_sample_weight", Tensor1D([0.0, 0.0, 0.0])).item<double>());
    }

    [Fact]
    public void SampleWeight_OfShapeBatchByOne_IsSqueezed()
    {
        var column = Tensor1D(SampleWeight).reshape(3, 1);
        var values = Call("none", column);
        Close(PerSample.Zip(SampleWeight, (v, w) => v * w).ToArray(), values);
    }

    [Fact]
    public void SampleWeight_PerTimestep_WeighsEachValue()
    {
        // Sequences (batch=2, time=2, features=1): per-sample values (2, 2), weighted per timestep or per sample.
        var yTrue = torch.zeros(2, 2, 1, dtype: ScalarType.Float64);
        var yPred = Tensor1D([1, 2, 3, 4]).reshape(2, 2, 1);
        var perTimestep = new MeanSquaredError("sum").Call(yTrue, yPred, Tensor1D([1, 0, 0.5, 2]).reshape(2, 2));
        Close(1 * 1 + 0 * 4 + 0.5 * 9 + 2 * 16, perTimestep.item<double>());
        var perSample = new MeanSquaredError("sum").Call(yTrue, yPred, Tensor1D([1, 0.5]));
        Close(1 * (1 + 4) + 0.5 * (9 + 16), perSample.item<double>());
    }

    [Fact]
    public void SampleWeight_Scalar_ScalesTheLoss()
    {
        Close(3 * 7.5 / 3, Call("sum_over_batch_size", torch.tensor(3.0)).item<double>());
    }

    [Fact]
    public void SampleWeight_ThatCannotBroadcast_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Call("sum", Tensor1D([1.0, 2.0])));
        Assert.Equal("sampleWeight", ex.ParamName);
        Assert.Contains("`sample_weight` of shape (2,)", ex.Message);
        Assert.Contains("(3,)", ex.Message);
    }

    [Fact]
    public void SampleWeight_Gradient_IsWeighted()
    {
        var pred = Tensor2D(YPred).requires_grad_();
        new MeanSquaredError("sum").Call(Tensor2D(YTrue), pred, Tensor1D(SampleWeight)).backward();
        // d/dp of w * mean((p - t)^2) over 2 features = w * (p - t).
        var expected = new double[3, 2];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                expected[i, j] = SampleWeight[i] * (YPred[i, j] - YTrue[i, j]);
            }
        }
        Close(expected, pred.grad!);
    }

    [Fact]
    public void RankOneInputs_AverageToOneValue_AsKeras()
    {
        // Keras averages over the last axis, so (batch,) inputs give a 0-d value that reductions return as is.
        var yTrue = Tensor1D([0, 1, 2]);
        var yPred = Tensor1D([1, 1, 4]);
        Close(5.0 / 3, new MeanSquaredError("sum").Call(yTrue, yPred).item<double>());
        Assert.Equal(0, new MeanSquaredError("none").Call(yTrue, yPred).dim());
    }

    [Fact]
    public void TargetsOfShapeBatch_AgainstPredictionsOfShapeBatchByOne_AreExpanded()
    {
        var values = new MeanAbsoluteError("none").Call(Tensor1D([0, 1, 2]),
            Tensor2D(new double[,] { { 1 }, { 1 }, { 4 } }));
        Close(new[] { 1.0, 0.0, 2.0 }, values);
        var squeezed = new MeanAbsoluteError("none").Call(Tensor2D(new double[,] { { 1, 2 } }).reshape(1, 2, 1),
            Tensor2D(new double[,] { { 0, 0 } }));
        Close(new[] { 1.5 }, squeezed);
    }

    public static TheoryData<string> ElementwiseLosses =>
    [
        "mse", "mae", "mape", "msle", "huber", "log_cosh", "bce", "categorical_crossentropy", "kld", "hinge",
        "squared_hinge", "categorical_hinge", "poisson", "cosine_similarity",
    ];

    [Theory]
    [MemberData(nameof(ElementwiseLosses))]
    public void MismatchedShapes_ThrowNamingBothShapes(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => Loss.Get(name).Call(torch.zeros(2, 3), torch.ones(2, 4)));
        Assert.Contains("y_true.shape=(2, 3)", ex.Message);
        Assert.Contains("y_pred.shape=(2, 4)", ex.Message);
    }

    [Fact]
    public void IntegerTargets_AreCastToThePredictionDtype()
    {
        var values = new MeanSquaredError("none").Call(torch.tensor(new long[,] { { 1, 2 } }),
            torch.tensor(new float[,] { { 0.5f, 2.5f } }));
        Assert.Equal(ScalarType.Float32, values.dtype);
        Close(new[] { 0.25 }, values);
    }

    [Fact]
    public void Float64Targets_WithFloat32Predictions_ComputeInFloat32()
    {
        var loss = new BinaryCrossentropy().Call(Tensor2D(new double[,] { { 1, 0 } }),
            torch.tensor(new float[,] { { 0.9f, 0.2f } }));
        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.Equal((-Math.Log(0.9) - Math.Log(0.8)) / 2, loss.item<float>(), 1e-6);
    }

    [Fact]
    public void InvalidReduction_ThrowsListingTheValidOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MeanSquaredError("average"));
        Assert.Equal("reduction", ex.ParamName);
        Assert.Contains("Received: reduction=average", ex.Message);
        Assert.Contains("sum_over_batch_size", ex.Message);
        Assert.Contains("mean_with_sample_weight", ex.Message);
    }
}
