using Keras.Backend;
using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.Inference;

public sealed class InferenceBackendTests
{
    // Doubles the torch outputs, so a test can tell which backend ran and how often.
    private sealed class DoublingBackend : InferenceBackend
    {
        private int _calls;

        public int Calls => _calls;

        public override string Name => "test-doubling";

        public override IReadOnlyList<Tensor> Run(Model model, IReadOnlyList<Tensor> inputs)
        {
            Interlocked.Increment(ref _calls);
            return InferenceBackends.Get("torch").Run(model, inputs).Select(t => t * 2).ToList();
        }
    }

    private static readonly Lazy<DoublingBackend> Doubling = new(() =>
    {
        var backend = new DoublingBackend();
        InferenceBackends.Register(backend.Name, () => backend);
        return backend;
    });

    [Fact]
    public void Predict_DefaultAndTorch_AreTheSame()
    {
        using var model = TestModels.Tutorial(4, 4);
        var (x, _) = TestModels.Classification(10, 16, 3);
        var flat = new float[10, 4, 4];
        Buffer.BlockCopy(x, 0, flat, 0, x.Length * sizeof(float));
        using var byDefault = model.Predict(flat, verbose: 0);
        using var byTorch = model.Predict(flat, verbose: 0, backend: "torch");
        Assert.True(byDefault.equal(byTorch).all().item<bool>());
    }

    [Fact]
    public void Predict_RegisteredBackend_RunsOncePerBatch()
    {
        var backend = Doubling.Value;
        using var model = new Sequential(new Input([3]), new Dense(2));
        var x = new float[5, 3];
        x[1, 2] = 1f;
        using var expected = model.Predict(x, verbose: 0);
        int before = backend.Calls;
        using var actual = model.Predict(x, batchSize: 2, verbose: 0, backend: "test-doubling");
        Assert.Equal(3, backend.Calls - before);
        Assert.True(actual.allclose(expected * 2));
        using var onBatch = model.PredictOnBatch(x, backend: "test-doubling");
        Assert.True(onBatch.allclose(expected * 2));
    }

    [Fact]
    public void Predict_UnknownBackend_ListsRegisteredNames()
    {
        using var model = new Sequential(new Input([3]), new Dense(2));
        var error = Assert.Throws<ArgumentException>(() => model.Predict(new float[1, 3], backend: "tensorrt"));
        Assert.Contains("\"tensorrt\"", error.Message);
        Assert.Contains("torch", error.Message);
        Assert.Contains("torch", InferenceBackends.Names);
    }

    [Fact]
    public void Register_DuplicateName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => InferenceBackends.Register("torch", () => new TorchInferenceBackend()));
        Assert.Contains("already registered", error.Message);
        Assert.Throws<ArgumentException>(() => InferenceBackends.Register(" ", () => new TorchInferenceBackend()));
    }
}
