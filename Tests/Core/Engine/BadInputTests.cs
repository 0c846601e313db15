using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.Core.Engine;

public class BadInputTests
{
    private static Keras.Sequential Compiled()
    {
        var model = new Keras.Sequential(new Input([4]), new Dense(3, name: "hidden"), new Dense(2, name: "output"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        return model;
    }

    [Fact]
    public void Dense_IncompatibleLastAxis_NamesLayerAxisAndShapes()
    {
        var dense = new Dense(3, name: "dense_check");
        dense.Build([null, 784]);
        using var x = torch.zeros(2, 100);
        var error = Assert.Throws<ArgumentException>(() => dense.Call(x));
        Assert.Equal(
            "Input 0 of layer \"dense_check\" is incompatible with the layer: expected axis -1 of input shape to have " +
            "value 784, but received input with shape (2, 100)", error.Message);
    }

    [Fact]
    public void Dense_RankTooLow_ReportsMinNdim()
    {
        var dense = new Dense(3, name: "dense_rank");
        using var x = torch.zeros(5);
        var error = Assert.Throws<ArgumentException>(() => dense.Call(x));
        Assert.Contains("expected min_ndim=2, found ndim=1. Full shape received: (5,)", error.Message);
    }

    [Fact]
    public void Fit_WrongFeatureCount_NamesTheInputLayerShape()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new float[8, 5], new byte[8], verbose: 0));
        Assert.Contains("expected shape=(None, 4), found shape=(8, 5)", error.Message);
    }

    [Fact]
    public void Fit_MismatchedSampleCounts_ReportsCardinality()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new float[8, 4], new byte[6], verbose: 0));
        Assert.Equal(
            "Data cardinality is ambiguous. Make sure all arrays contain the same number of samples. " +
            "'x' sizes: 8 'y' sizes: 6", error.Message);
    }

    [Fact]
    public void Fit_SampleWeightLengthMismatch_IsReported()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() =>
            model.Fit(new float[8, 4], new byte[8], sampleWeight: new float[3], verbose: 0));
        Assert.Contains("'sample_weight' sizes: 3", error.Message);
    }

    [Fact]
    public void Fit_UnsupportedElementType_NamesArgumentAndTypes()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new string[2, 4], new byte[2], verbose: 0));
        Assert.Contains("Argument `x` has elements of type String; expected one of Single", error.Message);
    }

    [Fact]
    public void Fit_RaggedJaggedArray_PointsAtTheBadRow()
    {
        var model = Compiled();
        float[][] ragged = [new float[4], new float[4], new float[3]];
        var error = Assert.Throws<ArgumentException>(() => model.Fit(ragged, new byte[3], verbose: 0));
        Assert.Contains("x[2] has length 3, expected 4", error.Message);
    }

    [Fact]
    public void Fit_EmptyArray_IsRejected()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new float[0, 4], new byte[0], verbose: 0));
        Assert.Contains("Argument `x` is empty", error.Message);
    }

    [Fact]
    public void Fit_DisposedTensor_IsRejected()
    {
        var model = Compiled();
        var x = torch.zeros(2, 4);
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => model.Fit(x, new byte[2], verbose: 0));
    }

    [Theory]
    [InlineData(0, 1, 0.0, "`batch_size` must be a positive integer. Received: batch_size=0")]
    [InlineData(4, -1, 0.0, "`epochs` must be non-negative. Received: epochs=-1")]
    [InlineData(4, 1, 1.5, "`validation_split` must be between 0 and 1 (exclusive). Received: validation_split=1.5")]
    public void Fit_InvalidArguments_AreExplained(int batchSize, int epochs, double split, string message)
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() =>
            model.Fit(new float[8, 4], new byte[8], batchSize: batchSize, epochs: epochs, validationSplit: split, verbose: 0));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Fit_TooFewSamplesToSplit_IsExplained()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() =>
            model.Fit(new float[1, 4], new byte[1], validationSplit: 0.5, verbose: 0));
        Assert.Contains("not sufficient to split", error.Message);
    }

    [Fact]
    public void Fit_BeforeCompile_SaysToCompile()
    {
        var model = new Keras.Sequential(new Input([4]), new Dense(2));
        var error = Assert.Throws<InvalidOperationException>(() => model.Fit(new float[2, 4], new byte[2], verbose: 0));
        Assert.Equal("You must call `Compile()` before using the model in `Fit`.", error.Message);
    }

    [Fact]
    public void Verbose_OutOfRange_IsRejected()
    {
        var model = Compiled();
        Assert.Throws<ArgumentException>(() => model.Predict(new float[2, 4], verbose: 3));
    }

    [Fact]
    public void ClassAndSampleWeightTogether_AreRejected()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new float[2, 4], new byte[2],
            classWeight: new Dictionary<int, double> { [0] = 1 }, sampleWeight: new float[2], verbose: 0));
        Assert.Equal("You cannot `classWeight` and `sampleWeight` at the same time.", error.Message);
    }

    [Theory]
    [InlineData("relux", "Unknown activation \"relux\". Expected one of: linear, relu")]
    public void UnknownActivation_ListsValidNames(string name, string start)
    {
        var error = Assert.Throws<ArgumentException>(() => new Dense(2, activation: name));
        Assert.StartsWith(start, error.Message);
    }

    [Fact]
    public void UnknownOptimizerAndLoss_ListValidNames()
    {
        var model = new Keras.Sequential(new Input([4]), new Dense(2));
        var opt = Assert.Throws<ArgumentException>(() => model.Compile(optimizer: "adamm", loss: "mse"));
        Assert.Contains("Could not interpret optimizer identifier: adamm. Expected one of:", opt.Message);
        Assert.Contains("adam", opt.Message);
        var loss = Assert.Throws<ArgumentException>(() => model.Compile(optimizer: "adam", loss: "msee"));
        Assert.Contains("Could not interpret loss identifier: msee", loss.Message);
    }

    [Fact]
    public void LayerArguments_AreValidatedAtConstruction()
    {
        Assert.Equal("Received an invalid value for `units`, expected a positive integer. Received: units=0 (Parameter 'units')",
            Assert.Throws<ArgumentException>(() => new Dense(0)).Message);
        Assert.StartsWith("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5",
            Assert.Throws<ArgumentException>(() => new Dropout(1.5)).Message);
        Assert.Throws<ArgumentException>(() => new Reshape([2, -1, -1]));
        Assert.Throws<ArgumentException>(() => new InputLayer([3], dtype: "float128"));
    }

    [Fact]
    public void Reshape_IncompatibleSize_NamesLayer()
    {
        var reshape = new Reshape([5], name: "reshape_bad");
        var error = Assert.Throws<ArgumentException>(() => reshape.ComputeOutputShape([null, 4]));
        Assert.Contains("Layer \"reshape_bad\"", error.Message);
    }

    [Fact]
    public void Sequential_DuplicateNamesAndMisplacedInput_AreRejected()
    {
        var model = new Keras.Sequential(new Dense(2, name: "same"));
        Assert.Contains("should have unique names", Assert.Throws<ArgumentException>(() => model.Add(new Dense(2, name: "same"))).Message);
        Assert.Contains("can only be the first layer",
            Assert.Throws<ArgumentException>(() => model.Add(new InputLayer([3]))).Message);
        Assert.Throws<InvalidOperationException>(() => new Keras.Sequential().Pop());
    }

    [Fact]
    public void GetLayer_UnknownName_ListsLayers()
    {
        var model = Compiled();
        var error = Assert.Throws<ArgumentException>(() => model.GetLayer("nope"));
        Assert.StartsWith("No such layer: nope. Existing layers are: [hidden, output].", error.Message);
    }

    [Fact]
    public void CudaRequestedWithoutCuda_FailsClearly()
    {
        var backend = new Keras.Backend.TorchBackend();
        if (torch.cuda.is_available())
        {
            return;
        }
        var error = Assert.Throws<InvalidOperationException>(() => backend.Device = "cuda");
        Assert.Contains("CUDA is not available", error.Message);
        Assert.Throws<ArgumentException>(() => backend.Device = "tpu");
    }
}
