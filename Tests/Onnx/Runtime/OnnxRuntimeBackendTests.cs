using Keras.Backend;
using Keras.Layers;
using Keras.Onnx.Runtime;

namespace Keras.Tests.Onnx.Runtime;

/// <summary><c>Predict(x, backend: "onnxruntime")</c> against the torch backend, and the per-model session
/// cache.</summary>
public class OnnxRuntimeBackendTests
{
    private const string Ort = "onnxruntime";

    [Fact]
    public void Mlp_MatchesTorch()
    {
        using var model = new Sequential(new Input([28, 28]), new Flatten(), new Dense(128, activation: "relu"),
            new Dropout(0.2), new Dense(10, activation: "softmax"));
        AssertBackendsAgree(model, [7, 28, 28]);
    }

    [Fact]
    public void Cnn_MatchesTorch()
    {
        using var model = new Sequential(new Input([28, 28, 1]),
            new Conv2D(8, kernelSize: 3, activation: "relu"), new MaxPooling2D(poolSize: 2),
            new Conv2D(16, kernelSize: 3, activation: "relu"), new MaxPooling2D(poolSize: 2),
            new Flatten(), new Dropout(0.5), new Dense(10, activation: "softmax"));
        AssertBackendsAgree(model, [5, 28, 28, 1]);
    }

    [Fact]
    public void Lstm_MatchesTorch()
    {
        using var model = new Sequential(new Input([6, 3]), new LSTM(8, returnSequences: true), new GRU(4),
            new Dense(2));
        AssertBackendsAgree(model, [9, 6, 3]);
    }

    [Fact]
    public void MultiInputMultiOutputFunctional_MatchesTorch()
    {
        var title = new Input([6], name: "title");
        var tags = new Input([4], name: "tags");
        var features = new Concatenate().Call([new Dense(8, activation: "relu").Call(title),
            new Dense(4, activation: "relu").Call(tags)]);
        using var model = new Functional([title, tags],
            [new Dense(1, activation: "sigmoid", name: "priority").Call(features),
             new Dense(3, activation: "softmax", name: "department").Call(features)]);
        torch.manual_seed(3);
        using var x1 = torch.rand(11, 6);
        using var x2 = torch.rand(11, 4);
        var viaTorch = model.PredictMany([x1, x2], batchSize: 4, verbose: 0);
        var viaOrt = model.PredictMany([x1, x2], batchSize: 4, verbose: 0, backend: Ort);
        Assert.Equal(2, viaOrt.Count);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(viaTorch[i].shape, viaOrt[i].shape);
            Assert.True(viaOrt[i].allclose(viaTorch[i], rtol: 1e-5, atol: 1e-5));
        }
    }

    [Fact]
    public void EmbeddingModel_TakesIntegerIds()
    {
        using var model = new Sequential(new Input([5], dtype: "int64"), new Embedding(20, 4),
            new GlobalAveragePooling1D(), new Dense(3));
        var ids = new long[6, 5];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i / 5, i % 5] = (i * 7) % 20;
        }
        using var viaTorch = model.Predict(ids, verbose: 0);
        using var viaOrt = model.Predict(ids, verbose: 0, backend: Ort);
        Assert.True(viaOrt.allclose(viaTorch, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void EmbeddingModel_CastsFloatIds()
    {
        using var model = new Sequential(new Input([4]), new Embedding(10, 3), new Flatten(), new Dense(2));
        var ids = new float[,] { { 0, 3, 9, 1 }, { 5, 5, 2, 8 } };
        using var viaTorch = model.Predict(ids, verbose: 0);
        using var viaOrt = model.Predict(ids, verbose: 0, backend: Ort);
        Assert.True(viaOrt.allclose(viaTorch, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Session_IsReusedUntilWeightsChange()
    {
        var backend = (OnnxRuntimeBackend)InferenceBackends.Get(Ort);
        using var model = new Sequential(new Input([3]), new Dense(2));
        var x = new float[,] { { 1, 2, 3 } };
        using var first = model.Predict(x, verbose: 0, backend: Ort);
        var session = backend.CurrentSession(model);
        using var second = model.Predict(x, verbose: 0, backend: Ort);
        Assert.Same(session, backend.CurrentSession(model));
        Assert.True(first.equal(second).all().item<bool>());

        var dense = model.Layers[0];
        dense.SetWeights([torch.ones(3, 2), torch.full(2, 0.5f)]);
        using var third = model.Predict(x, verbose: 0, backend: Ort);
        var rebuilt = backend.CurrentSession(model);
        Assert.NotSame(session, rebuilt);
        Assert.True(session.IsDisposed);
        Assert.Equal([6.5f, 6.5f], third.data<float>().ToArray());
    }

    [Fact]
    public void Session_IsRebuiltAfterFit()
    {
        using var model = new Sequential(new Input([3]), new Dense(2));
        model.Compile(optimizer: "sgd", loss: "mse");
        var x = new float[,] { { 1, 2, 3 }, { 0, 1, 0 } };
        using var before = model.Predict(x, verbose: 0, backend: Ort);
        model.Fit(x, new float[,] { { 1, 0 }, { 0, 1 } }, epochs: 2, verbose: 0);
        using var viaTorch = model.Predict(x, verbose: 0);
        using var viaOrt = model.Predict(x, verbose: 0, backend: Ort);
        Assert.False(before.allclose(viaOrt));
        Assert.True(viaOrt.allclose(viaTorch, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void ConcurrentPredicts_ShareOneSession()
    {
        var backend = (OnnxRuntimeBackend)InferenceBackends.Get(Ort);
        using var model = new Sequential(new Input([4]), new Dense(3, activation: "tanh"));
        torch.manual_seed(5);
        using var x = torch.rand(16, 4);
        using var expected = model.Predict(x, verbose: 0);
        using var warm = model.Predict(x, verbose: 0, backend: Ort);
        var session = backend.CurrentSession(model);
        Parallel.For(0, 8, _ =>
        {
            using var y = model.Predict(x, batchSize: 4, verbose: 0, backend: Ort);
            Assert.True(y.allclose(expected, rtol: 1e-5, atol: 1e-5));
        });
        Assert.Same(session, backend.CurrentSession(model));
    }

    [Fact]
    public void Session_IsReleasedWithItsModel()
    {
        var session = PredictWithATemporaryModel();
        for (int i = 0; i < 3 && session.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(session.IsAlive);
    }

    // Kept out of line so no local keeps the model reachable.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference PredictWithATemporaryModel()
    {
        var model = new Sequential(new Input([3]), new Dense(2));
        model.Predict(new float[1, 3], verbose: 0, backend: Ort).Dispose();
        return new WeakReference(((OnnxRuntimeBackend)InferenceBackends.Get(Ort)).CurrentSession(model));
    }

    [Fact]
    public void UnexportableLayer_FailsWithTheExportersMessage()
    {
        using var model = new Sequential(new Input([2], dtype: "int64"), new Hashing(4, name: "hash"));
        var error = Assert.Throws<NotSupportedException>(
            () => model.Predict(new long[,] { { 1, 2 } }, verbose: 0, backend: Ort));
        Assert.Contains("\"hash\"", error.Message);
    }

    [Fact]
    public void Names_IncludeOnnxRuntimeWithoutTouchingAnOnnxType()
    {
        Assert.Contains(Ort, InferenceBackends.Names);
        Assert.Equal(Ort, InferenceBackends.Get(Ort).Name);
    }

    private static void AssertBackendsAgree(Model model, long[] shape)
    {
        torch.manual_seed(1);
        using var x = torch.rand(shape);
        using var viaTorch = model.Predict(x, batchSize: 4, verbose: 0);
        using var viaOrt = model.Predict(x, batchSize: 4, verbose: 0, backend: Ort);
        Assert.Equal(viaTorch.shape, viaOrt.shape);
        double difference = (viaOrt - viaTorch).abs().max().item<float>();
        Assert.True(difference <= 1e-5, $"max |onnxruntime - torch| = {difference}");
    }
}
